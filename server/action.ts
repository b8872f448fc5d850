import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/db/errors";
import { FOREIGN_ORIGIN } from "@/lib/access/client-address";
import type { RoleName } from "@/lib/access/roles";
import type { ActionState } from "@/lib/web/action-state";
import { formFields } from "@/lib/web/form-fields";
import { auditDenied, checkAccess } from "./auth/guard";
import { requestFromThisSite, requestMeta } from "./auth/request-meta";
import { today } from "./clock";
import type { ServiceContext } from "./context";
import { getDb } from "./db";
import { AppError, logUnexpected, unavailableMessage, unexpectedMessage } from "./errors";
import { markOwnWrite } from "./reads";

export type { ActionState };

/** The actions' context is the services' (README "One service signature"). */
export type ActionContext = ServiceContext;

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** What the user reads when an action fails unexpectedly: the outage said as such, with the logged id. */
export function failureMessage(where: string, err: unknown): string {
  const id = logUnexpected(where, err);
  return isDatabaseUnavailable(err) ? unavailableMessage(id) : unexpectedMessage(id);
}

/**
 * The one wrapper of console actions (STYLE §2): Origin (issue 9 §11: Next lets a POST without one through),
 * the guard (session, forced password change, role), zod parsing with Chinese field messages, and errors
 * reduced to a safe message with an id.
 */
export function action<S extends z.ZodType>(
  /** a function when the schema depends on the day (e.g. "not later than today") */
  schema: S | (() => S),
  opts: {
    roles: readonly RoleName[] /** send the submitted text back on failure (never for secrets) */;
    echo?: boolean;
  },
  /** `form` for what is not text: uploaded files */
  fn: (input: z.infer<S>, ctx: ActionContext, form: FormData) => Promise<ActionState>,
) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    if (!(await requestFromThisSite())) return { ok: false, message: FOREIGN_ORIGIN };
    let access: Awaited<ReturnType<typeof checkAccess>>;
    try {
      access = await checkAccess(opts.roles);
    } catch (err) {
      return { ok: false, message: failureMessage("action", err) };
    }
    if (!access.ok) return { ok: false, message: access.message };
    const { user } = access;
    const raw = formFields(form);
    const values = opts.echo ? raw : undefined;
    const parsed = (typeof schema === "function" ? schema() : schema).safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        message: "填写有误，请按提示修改。",
        fieldErrors: fieldErrorsOf(parsed.error),
        values,
      };
    }
    try {
      return await fn(
        parsed.data,
        {
          db: await getDb(),
          actor: user,
          meta: await requestMeta(),
          today: today(),
        },
        form,
      );
    } catch (err) {
      unstable_rethrow(err); // a redirect() or notFound() from the use case is not a failure
      if (err instanceof AppError) {
        if (err.code === "forbidden" || err.code === "not_found")
          await auditDenied(user, err.message).catch((e) => logUnexpected("audit refusal", e));
        return { ok: false, message: err.message, values };
      }
      return { ok: false, message: failureMessage("action", err) };
    } finally {
      await markOwnWrite(); // also after a redirect: the writer's next public page reads its own write
    }
  };
}

/**
 * An action for nobody signed in (registration, activation, an objection): it checks the Origin and its input
 * itself like `action`; the service audits what it refuses. `secret` fields are never sent back to the form.
 */
export async function publicStep<S extends z.ZodType>(
  schema: S,
  form: FormData,
  secret: readonly string[],
  run: (input: z.infer<S>) => Promise<ActionState>,
): Promise<ActionState> {
  if (!(await requestFromThisSite())) return { ok: false, message: FOREIGN_ORIGIN };
  const raw = formFields(form);
  const echo = Object.fromEntries(Object.entries(raw).filter(([k]) => !secret.includes(k)));
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: "填写有误，请按提示修改。",
      fieldErrors: fieldErrorsOf(parsed.error),
      values: echo,
    };
  try {
    return await run(parsed.data);
  } catch (err) {
    unstable_rethrow(err); // a redirect on success
    if (err instanceof AppError) return { ok: false, message: err.message, values: echo };
    return { ok: false, message: failureMessage("public", err), values: echo };
  } finally {
    await markOwnWrite();
  }
}

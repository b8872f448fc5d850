"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { FOREIGN_ORIGIN } from "@/lib/access/client-address";
import type { ActionState, LoginState } from "@/lib/web/action-state";
import { phoneField, textField, usccField } from "@/lib/web/fields";
import { failureMessage, fieldErrorsOf } from "@/server/action";
import { signOut } from "@/server/auth";
import { currentUser } from "@/server/auth/guard";
import { requestFromThisSite, requestMeta } from "@/server/auth/request-meta";
import { signInWith } from "@/server/auth/sign-in-action";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { activateBusiness, registerBusiness } from "@/server/services/business-accounts";
import { closeSession } from "@/server/services/sessions";

const signInToPortal = signInWith("business");

export async function businessSignInAction(prev: LoginState, form: FormData): Promise<LoginState> {
  return signInToPortal(prev, form);
}

/**
 * Registration and activation act for nobody signed in (like sign-in): they check the Origin and their input
 * themselves, and every refusal is audited by the service.
 */
async function publicStep<S extends z.ZodType>(
  schema: S,
  form: FormData,
  run: (input: z.infer<S>) => Promise<ActionState>,
): Promise<ActionState> {
  if (!(await requestFromThisSite())) return { ok: false, message: FOREIGN_ORIGIN };
  const raw = Object.fromEntries(
    [...form.entries()].filter(([k, v]) => !k.startsWith("$ACTION") && typeof v === "string"),
  ) as Record<string, string>;
  const { password: _p, password2: _p2, code: _c, ...echo } = raw;
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
    unstable_rethrow(err); // the redirect on success
    if (err instanceof AppError) return { ok: false, message: err.message, values: echo };
    return { ok: false, message: failureMessage("business", err), values: echo };
  }
}

const registration = z
  .object({
    uscc: usccField(),
    name: textField("企业名称", 200),
    contactName: textField("联系人姓名", 64),
    phone: phoneField(),
    password: z.string().min(1, "请设置密码").max(200, "密码过长"),
    password2: z.string(),
  })
  .refine((v) => v.password === v.password2, { path: ["password2"], message: "两次输入的密码不一致" });

export async function registerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(registration, form, async (input) => {
    await registerBusiness(await getDb(), await requestMeta(), input);
    redirect(`/business/activate?registered=1&uscc=${input.uscc}`);
  });
}

const activation = z.object({
  uscc: usccField(),
  password: z.string().min(1, "请输入注册时设置的密码").max(200, "密码过长"),
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/, "激活码为 8 位字母和数字，如 7K3M-Q9TX"),
});

export async function activateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(activation, form, async (input) => {
    await activateBusiness(await getDb(), await requestMeta(), input);
    redirect("/business/login?reason=activated");
  });
}

export async function businessSignOutAction(): Promise<void> {
  if (!(await requestFromThisSite())) return;
  const user = await currentUser();
  if (user) await closeSession(await getDb(), { sid: user.sessionId, ...(await requestMeta()) });
  await signOut({ redirectTo: "/business/login?reason=revoked" });
}

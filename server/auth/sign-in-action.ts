import "server-only";
import { z } from "zod";
import { FOREIGN_ORIGIN } from "@/lib/access/client-address";
import type { LoginState } from "@/lib/web/action-state";
import { plainText } from "@/lib/web/text";
import { failureMessage } from "../action";
import { signInToConsole } from "../services/sign-in";
import { signIn } from "./index";
import { requestFromThisSite, requestMeta } from "./request-meta";

const schema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名过长").superRefine(plainText("用户名")),
  password: z.string().min(1, "请输入密码").max(200, "密码过长"),
  totp: z.string().trim().max(20, "验证码过长").optional(),
  next: z.string().optional(),
});

const HOME = { console: "/admin", business: "/business" } as const;

/** Only a path inside the same area, never another site or the sign-in page itself. */
function safeNext(area: keyof typeof HOME, next: string | undefined): string {
  const home = HOME[area];
  const inside = new RegExp(`^${home}(/[\\w\\-/?=&%.]*)?$`);
  return next && inside.test(next) && !next.startsWith(`${home}/login`) ? next : home;
}

/**
 * The sign-in action of the console and of the business portal (issue 11 §1: the same session rules): Origin,
 * input, then the sign-in service for that area; on success next-auth redeems the session's ticket.
 */
export function signInWith(area: keyof typeof HOME) {
  return async (_prev: LoginState, form: FormData): Promise<LoginState> => {
    if (!(await requestFromThisSite())) return { message: FOREIGN_ORIGIN };
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= i.message;
      return {
        message: area === "business" ? "请填写统一社会信用代码和密码。" : "请填写用户名和密码。",
        fieldErrors,
      };
    }
    const { username, password, totp, next } = parsed.data;
    let r: Awaited<ReturnType<typeof signInToConsole>>;
    try {
      r = await signInToConsole(
        {
          // the portal's USCC is resolved to its account by the service
          username,
          password,
          totp: totp || undefined,
        },
        await requestMeta(),
        area,
      );
    } catch (err) {
      return { message: failureMessage("sign-in", err) };
    }
    if (!r.ok) return { message: r.message, needTotp: r.needTotp };
    // throws the redirect on success (STACK-NOTES): nothing after it runs
    await signIn("credentials", {
      sid: r.sid,
      ticket: r.ticket,
      redirectTo: r.mustChangePassword && area === "console" ? "/admin/password" : safeNext(area, next),
    });
    return null;
  };
}

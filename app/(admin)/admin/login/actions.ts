"use server";

import { z } from "zod";
import { FOREIGN_ORIGIN } from "@/lib/access/client-address";
import { plainText } from "@/lib/web/text";
import { failureMessage } from "@/server/action";
import { signIn } from "@/server/auth";
import { requestFromThisSite, requestMeta } from "@/server/auth/request-meta";
import { signInToConsole } from "@/server/services/sign-in";

export type LoginState = { message: string; needTotp?: boolean; fieldErrors?: Record<string, string> } | null;

const schema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名过长").superRefine(plainText("用户名")),
  password: z.string().min(1, "请输入密码").max(200, "密码过长"),
  totp: z.string().trim().max(20, "验证码过长").optional(),
  next: z.string().optional(),
});

// only a path inside the console, never another site
const safeNext = (next: string | undefined) =>
  next && /^\/admin(\/[\w\-/?=&%.]*)?$/.test(next) && !next.startsWith("/admin/login") ? next : "/admin";

export async function signInAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  if (!(await requestFromThisSite())) return { message: FOREIGN_ORIGIN };
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= i.message;
    return { message: "请填写用户名和密码。", fieldErrors };
  }
  const { username, password, totp, next } = parsed.data;
  let r: Awaited<ReturnType<typeof signInToConsole>>;
  try {
    r = await signInToConsole({ username, password, totp: totp || undefined }, await requestMeta());
  } catch (err) {
    return { message: failureMessage("sign-in", err) };
  }
  if (!r.ok) return { message: r.message, needTotp: r.needTotp };
  // throws the redirect on success (STACK-NOTES): nothing after it runs
  await signIn("credentials", {
    sid: r.sid,
    ticket: r.ticket,
    redirectTo: r.mustChangePassword ? "/admin/password" : safeNext(next),
  });
  return null;
}

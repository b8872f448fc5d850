"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { FOREIGN_ORIGIN } from "@/lib/access/client-address";
import type { ActionState } from "@/lib/web/action-state";
import { consoleHome } from "@/lib/web/navigation";
import { failureMessage, fieldErrorsOf } from "@/server/action";
import { currentUser } from "@/server/auth/guard";
import { requestFromThisSite, requestMeta } from "@/server/auth/request-meta";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { changePassword } from "@/server/services/change-password";

const schema = z
  .object({
    current: z.string().min(1, "请输入当前密码").max(200),
    next: z.string().min(1, "请输入新密码").max(200, "密码过长"),
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "两次输入的新密码不一致" });

// not through action(): the one action a user with a must-change password may run
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!(await requestFromThisSite())) return { ok: false, message: FOREIGN_ORIGIN };
  const user = await currentUser();
  if (!user) return { ok: false, message: "登录已失效，请重新登录后再试。" };
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { ok: false, message: "填写有误，请按提示修改。", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await changePassword({ db: await getDb(), actor: user, meta: await requestMeta() }, parsed.data);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    return { ok: false, message: failureMessage("password change", err) };
  }
  redirect(`${user.roles.includes("business") ? "/business/account" : consoleHome(user.roles)}?changed=1`);
}

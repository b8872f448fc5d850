"use server";

// The account actions both the console and the business portal use: each checks who may call it itself.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ALL_ROLES } from "@/lib/access/roles";
import { action } from "@/server/action";
import { beginTotp, confirmTotp, disableTotp } from "@/server/services/totp-enrolment";

// business accounts enrol a second factor too (issue 11 §1: the same session rules as the console)
const roles = ALL_ROLES;
const refresh = () => {
  revalidatePath("/admin/account");
  revalidatePath("/business/account");
};

export const beginTotpAction = action(z.object({}), { roles }, async (_, ctx) => {
  await beginTotp(ctx);
  refresh();
  return { ok: true, message: "请用身份验证器扫描二维码，然后输入它显示的 6 位数字。" };
});

export const confirmTotpAction = action(
  z.object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "请输入 6 位数字"),
  }),
  { roles },
  async ({ code }, ctx) => {
    // no revalidation: the form must stay on screen to show the recovery codes once
    const codes = await confirmTotp(ctx, { code });
    return { ok: true, message: "动态验证码已启用。下次登录时需要输入验证码。", data: { codes } };
  },
);

export const disableTotpAction = action(
  z.object({ password: z.string().min(1, "请输入密码").max(200) }),
  { roles },
  async ({ password }, ctx) => {
    await disableTotp(ctx, { password });
    refresh();
    return { ok: true, message: "动态验证码已停用。" };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ALL_ROLES } from "@/lib/access/roles";
import { MESSAGE_KINDS, type NotifyPrefs } from "@/lib/notify/preferences";
import { phoneField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { confirmContact, requestContactCode, saveNotifyPrefs } from "@/server/services/notify/contacts";

// the console and the portal alike: each account keeps its own notice addresses (issue 22 §2)
const roles = ALL_ROLES;
const refresh = () => {
  revalidatePath("/admin/account");
  revalidatePath("/business/account");
};
const mobile = () => phoneField().refine((v) => /^1[3-9]\d{9}$/.test(v), "短信只能发送到 11 位手机号码");

export const requestEmailCodeAction = action(
  z.object({ address: z.email("请填写有效的电子邮箱地址").max(254, "电子邮箱地址过长") }),
  { roles, echo: true },
  async (input, ctx) => {
    await requestContactCode(ctx, { channel: "email", address: input.address });
    refresh();
    return { ok: true, message: `验证码已发往 ${input.address}，10 分钟内有效。` };
  },
);

export const requestSmsCodeAction = action(
  z.object({ address: mobile() }),
  { roles, echo: true },
  async (input, ctx) => {
    await requestContactCode(ctx, { channel: "sms", address: input.address });
    refresh();
    return { ok: true, message: `验证码已发往 ${input.address}，10 分钟内有效。` };
  },
);

const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "请输入 6 位数字验证码");

export const confirmEmailAction = action(z.object({ code }), { roles }, async (input, ctx) => {
  const message = await confirmContact(ctx, { channel: "email", code: input.code });
  refresh();
  return { ok: true, message };
});

export const confirmSmsAction = action(z.object({ code }), { roles }, async (input, ctx) => {
  const message = await confirmContact(ctx, { channel: "sms", code: input.code });
  refresh();
  return { ok: true, message };
});

/** Each box is "<kind>.<channel>"; an unticked box is a channel turned off. */
export const saveNotifyPrefsAction = action(
  z.object({ shown: z.literal("1") }).loose(),
  { roles },
  async (input, ctx) => {
    const on = (k: string) => (input as Record<string, unknown>)[k] === "on";
    const prefs: NotifyPrefs = Object.fromEntries(
      MESSAGE_KINDS.map((kind) => [kind, { email: on(`${kind}.email`), sms: on(`${kind}.sms`) }]),
    );
    await saveNotifyPrefs(ctx, prefs);
    refresh();
    return { ok: true, message: "通知方式已保存。" };
  },
);

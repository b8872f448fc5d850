"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField, usccField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { deleteWebhook, registerWebhook, resumeWebhook } from "@/server/services/notify/webhooks";
import { unwatchSubject, watchSubject } from "@/server/services/watchlist";

export const watchAction = action(
  z.object({ uscc: usccField() }),
  { roles: ["business"], echo: true },
  async ({ uscc }, ctx) => {
    const r = await watchSubject(ctx, { uscc });
    revalidatePath("/business/watchlist");
    return { ok: true, message: `已关注“${r.name}”，其新的公示信息和名单变化会显示在这里。` };
  },
);

export const unwatchAction = action(
  z.object({ subjectId: idField() }),
  { roles: ["business"] },
  async ({ subjectId }, ctx) => {
    await unwatchSubject(ctx, { subjectId });
    revalidatePath("/business/watchlist");
    return { ok: true, message: "已取消关注。" };
  },
);

/** Issue 22 §2: an HTTPS address told of each new public record of the followed subjects; the secret is shown once. */
export const registerWebhookAction = action(
  z.object({ url: z.string().trim().min(1, "请填写推送地址").max(500, "推送地址过长") }),
  { roles: ["business"], echo: true },
  async ({ url }, ctx) => {
    const r = await registerWebhook(ctx, { url });
    revalidatePath("/business/watchlist");
    return {
      ok: true,
      message: "推送地址已登记。签名密钥只显示这一次，请交给接收方保存：",
      data: { secret: r.secret },
    };
  },
);

export const resumeWebhookAction = action(
  z.object({ id: idField() }),
  { roles: ["business"] },
  async ({ id }, ctx) => {
    await resumeWebhook(ctx, { id });
    revalidatePath("/business/watchlist");
    return { ok: true, message: "已恢复推送。" };
  },
);

export const deleteWebhookAction = action(
  z.object({ id: idField() }),
  { roles: ["business"] },
  async ({ id }, ctx) => {
    await deleteWebhook(ctx, { id });
    revalidatePath("/business/watchlist");
    return { ok: true, message: "推送地址已删除。" };
  },
);

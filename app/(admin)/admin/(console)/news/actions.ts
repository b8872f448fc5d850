"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NEWS_CATEGORIES } from "@/lib/content/news";
import { idField, textField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { changeNewsStatus, saveNews } from "@/server/services/news";

const empty = (v: unknown) => (v === "" ? undefined : v);

/** Issue 13 §3: an editor saves a draft or corrects an item; the service sanitises the body. */
export const saveNewsAction = action(
  z.object({
    id: z.preprocess(empty, idField().optional()),
    category: z.enum(NEWS_CATEGORIES, { message: "请选择栏目" }),
    title: textField("标题", 200, { min: 4 }),
    summary: z.preprocess(empty, textField("摘要", 500).optional()),
    // HTML from the editor: checked for size here, cleaned by the service
    bodyHtml: z.string({ message: "请填写正文" }).max(200_000, "正文过长（超过 20 万字符）"),
    regionCode: z.preprocess(
      empty,
      z
        .string()
        .regex(/^36\d{2}00$/, "请选择地区")
        .optional(),
    ),
  }),
  { roles: ["editor"], echo: true },
  async (input, ctx, form) => {
    const files = form.getAll("attachments").filter((f): f is File => f instanceof File);
    const r = await saveNews(ctx, input, files);
    revalidatePath("/admin/news");
    if (!input.id) redirect(`/admin/news/${r.id}?saved=1`);
    return { ok: true, message: "已保存。已发布的稿件修改后立即在网站更新。" };
  },
);

export const newsStatusAction = action(
  z.object({ id: idField(), event: z.enum(["publish", "withdraw"], { message: "操作无效" }) }),
  { roles: ["editor"] },
  async ({ id, event }, ctx) => {
    await changeNewsStatus(ctx, { id, event });
    revalidatePath(`/admin/news/${id}`);
    return {
      ok: true,
      message: event === "publish" ? "已发布，网站、首页和订阅源即时可见。" : "已撤回，网站不再显示。",
    };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { changeNewsStatus } from "@/server/services/news";

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

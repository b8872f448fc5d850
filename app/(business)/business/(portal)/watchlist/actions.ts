"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField, usccField } from "@/lib/web/fields";
import { action } from "@/server/action";
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

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/server/action";
import { decideNameReview } from "@/server/services/decide-name-review";

export const decideNameReviewAction = action(
  z.object({
    id: z.coerce.number().int().positive(),
    event: z.enum(["rename", "keep"], { message: "请选择采用新名称或保留原名称" }),
  }),
  { roles: ["reviewer"] },
  async ({ id, event }, ctx) => {
    await decideNameReview(ctx, { id, event });
    revalidatePath("/admin/name-reviews");
    return { ok: true, message: event === "rename" ? "已按新名称更名。" : "已保留原名称。" };
  },
);

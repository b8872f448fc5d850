"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/server/action";
import { decideNameReview } from "@/server/services/decide-name-review";

export const decideNameReviewAction = action(
  z.object({ id: z.coerce.number().int().positive(), decision: z.enum(["renamed", "kept"]) }),
  { roles: ["reviewer"] },
  async ({ id, decision }, { db, user, meta }) => {
    await decideNameReview(db, { id, decision, user, meta });
    revalidatePath("/admin/name-reviews");
    return { ok: true, message: decision === "renamed" ? "已按新名称更名。" : "已保留原名称。" };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { issueActivationCode } from "@/server/services/business-accounts";

export const issueActivationCodeAction = action(
  z.object({ subjectId: idField("主体") }),
  { roles: ["operator", "reviewer", "supervisor"] },
  async ({ subjectId }, ctx) => {
    const { code, expiresAt } = await issueActivationCode(ctx, { subjectId });
    revalidatePath("/admin/business-accounts");
    return {
      ok: true,
      message: "激活码已签发（仅显示这一次，原有未使用的激活码同时作废）。",
      data: { code, expiresAt: expiresAt.toISOString() },
    };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField, textField } from "@/lib/web/fields";
import { action } from "@/server/action";
import { issueActivationCode, rejectRegistration } from "@/server/services/business-accounts";

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

/** Issue 20 N7: a registration the regulator could not match to the company's own people is rejected, with why. */
export const rejectRegistrationAction = action(
  z.object({ id: idField("注册申请"), reason: textField("驳回理由", 200, { min: 4 }) }),
  { roles: ["operator", "reviewer", "supervisor"], echo: true },
  async ({ id, reason }, ctx) => {
    await rejectRegistration(ctx, { id, reason });
    revalidatePath("/admin/business-accounts");
    return { ok: true, message: "已驳回该注册申请。" };
  },
);

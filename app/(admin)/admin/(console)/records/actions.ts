"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { RecordKind } from "@/db/schema";
import { actInputSchema, licenceInputSchema, penaltyInputSchema } from "@/lib/records/record-input";
import { plainText } from "@/lib/web/text";
import { type ActionContext, action } from "@/server/action";
import { today } from "@/server/clock";
import type { RecordInputOf } from "@/server/services/records/record-values";
import { setPenaltyRepairability } from "@/server/services/records/repairability";
import { saveRecord, withdrawRecord } from "@/server/services/records/save-record";

const idField = z.object({
  id: z.union([z.literal("").transform(() => undefined), z.coerce.number().int().positive()]).optional(),
});
const operator = { roles: ["operator"] as const, echo: true };

async function save<K extends RecordKind>(
  kind: K,
  { id, ...input }: { id?: number } & RecordInputOf[K],
  ctx: ActionContext,
): Promise<never> {
  const saved = await saveRecord(ctx, { kind, id, input: input as RecordInputOf[K] });
  redirect(`/admin/records/${kind}/${saved}?saved=1`);
}

export const savePenaltyAction = action(
  () => z.intersection(idField, penaltyInputSchema(today())),
  operator,
  (i, ctx) => save("penalty", i, ctx),
);
export const saveLicenceAction = action(
  () => z.intersection(idField, licenceInputSchema(today())),
  operator,
  (i, ctx) => save("licence", i, ctx),
);
export const saveActAction = action(
  () => z.intersection(idField, actInputSchema(today())),
  operator,
  (i, ctx) => save("act", i, ctx),
);

export const withdrawRecordAction = action(
  z.object({
    kind: z.enum(["penalty", "licence", "act"]),
    id: z.coerce.number().int().positive(),
    reason: z
      .string()
      .trim()
      .min(4, "请写明撤销原因（至少 4 个字）")
      .max(500, "撤销原因不能超过 500 个字")
      .superRefine(plainText("撤销原因", { multiline: true })),
  }),
  { roles: ["operator"] },
  async ({ kind, id, reason }, ctx): Promise<never> => {
    await withdrawRecord(ctx, { kind, id, reason });
    redirect(`/admin/records/${kind}/${id}?withdrawn=1`);
  },
);

export const setRepairabilityAction = action(
  z.object({
    id: z.coerce.number().int().positive(),
    unrepairable: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  { roles: ["operator"] },
  async ({ id, unrepairable }, ctx) => {
    await setPenaltyRepairability(ctx, { id, unrepairable });
    revalidatePath(`/admin/records/penalty/${id}`);
    return {
      ok: true,
      message: unrepairable ? "已标记为不可修复：该记录的信用修复申请将被拒绝。" : "已取消“不可修复”标记。",
    };
  },
);

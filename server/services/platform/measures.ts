import "server-only";
import { eq } from "drizzle-orm";
import { measures } from "@/db/schema";
import { type Matter, MEASURE_LIST_EFFECT, type MeasureListKind } from "@/lib/platform/measures";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";

export type MeasureInput = {
  id?: number;
  code: string;
  listKind: MeasureListKind;
  matter: Matter;
  content: string;
  legalBasis: string;
  active: boolean;
};

/** 措施清单 (issue 23 §1): a measure's effect follows its list (红名单 rewards, the others punish). */
export async function saveMeasure(ctx: ServiceContext, input: MeasureInput): Promise<number> {
  const { id, ...values } = input;
  const row = { ...values, effect: MEASURE_LIST_EFFECT[input.listKind], updatedBy: ctx.actor.id };
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: measures.id }).from(measures).where(eq(measures.code, input.code));
    if (clash && id && clash.id !== id) throw new AppError("conflict", `措施编号 ${input.code} 已被使用。`);
    // the code names the measure: saving an existing code amends it
    const target = id ?? clash?.id;
    const [saved] = target
      ? await tx.update(measures).set(row).where(eq(measures.id, target)).returning({ id: measures.id })
      : await tx.insert(measures).values(row).returning({ id: measures.id });
    if (!saved) throw new AppError("not_found", "措施不存在。");
    await auditBy(tx, ctx, {
      action: "measure.save",
      entityType: "measure",
      entityId: String(saved.id),
      after: row,
    });
    return saved.id;
  });
}

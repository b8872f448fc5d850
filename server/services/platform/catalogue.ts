import "server-only";
import { and, eq } from "drizzle-orm";
import { catalogueItems, departments } from "@/db/schema";
import {
  allowedClassifications,
  CLASSIFICATIONS,
  type Classification,
  DATA_CLASSES,
  type DataClass,
  DEFAULT_CLASSIFICATION,
  type Frequency,
  narrowingWarning,
} from "@/lib/platform/catalogue";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { publishedRows } from "../../queries/catalogue";

export type ClassifyInput = {
  deptId: number;
  dataClass: DataClass;
  classification: Classification;
  frequency: Frequency;
  fields: string;
  /** the editor ticked "withdraw now" after reading the warning */
  confirmNarrowing: boolean;
};

/**
 * Issue 23 §3: a department's item is (re)classified. Narrowing what is out in the open data needs the editor's
 * confirmation; a class the law keeps from the public never becomes 公开. Every refusal is audited.
 */
export async function classifyCatalogueItem(ctx: ServiceContext, input: ClassifyInput): Promise<void> {
  const { db, actor, meta, today } = ctx;
  const refuse = async (reason: string) => {
    await db.transaction((tx) =>
      auditBy(
        tx,
        { actor, meta },
        {
          action: "catalogue.refused",
          entityType: "catalogue_item",
          entityId: `${input.deptId}:${input.dataClass}`,
          outcome: "denied",
          after: { classification: input.classification, reason },
        },
      ),
    );
    throw new AppError("invalid", reason);
  };
  if (!allowedClassifications(input.dataClass).includes(input.classification))
    return refuse(`“${DATA_CLASSES[input.dataClass]}”依法不予公示，只能设为授权查询或内部。`);
  const [dept] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, input.deptId));
  if (!dept) throw new AppError("not_found", "部门不存在。");
  await db
    .transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(catalogueItems)
        .where(and(eq(catalogueItems.deptId, input.deptId), eq(catalogueItems.dataClass, input.dataClass)))
        .for("update");
      const from = row?.classification ?? DEFAULT_CLASSIFICATION[input.dataClass];
      const warning = narrowingWarning(
        from,
        input.classification,
        await publishedRows(tx, input.deptId, input.dataClass, today),
      );
      if (warning && !input.confirmNarrowing) throw new AppError("conflict", warning);
      const values = {
        classification: input.classification,
        frequency: input.frequency,
        fields: input.fields,
        updatedBy: actor.id,
      };
      await tx
        .insert(catalogueItems)
        .values({ deptId: input.deptId, dataClass: input.dataClass, ...values })
        .onConflictDoUpdate({ target: [catalogueItems.deptId, catalogueItems.dataClass], set: values });
      await auditBy(
        tx,
        { actor, meta },
        {
          action: "catalogue.classify",
          entityType: "catalogue_item",
          entityId: `${input.deptId}:${input.dataClass}`,
          before: { classification: CLASSIFICATIONS[from] },
          after: {
            classification: CLASSIFICATIONS[input.classification],
            frequency: input.frequency,
            warned: warning !== null,
          },
        },
      );
    })
    .catch(async (err) => {
      if (err instanceof AppError && err.code === "conflict") await refuse(err.message);
      throw err;
    });
}

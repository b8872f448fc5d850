import "server-only";
import { and, eq } from "drizzle-orm";
import { inspectors } from "@/db/schema";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { supervisorDepartment } from "./ratios";

/** 执法检查人员名录库 of the supervisor's department: add a person with their 执法证号. */
export async function addInspector(
  { db, actor, meta }: ServiceContext,
  input: { name: string; badgeNo: string },
): Promise<{ id: number }> {
  const deptId = supervisorDepartment(actor);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: inspectors.id })
      .from(inspectors)
      .where(eq(inspectors.badgeNo, input.badgeNo));
    if (taken) throw new AppError("conflict", `执法证号 ${input.badgeNo} 已在名录中。`);
    const [row] = await tx
      .insert(inspectors)
      .values({ deptId, ...input })
      .returning({ id: inspectors.id });
    if (!row) throw new Error("inspector not stored");
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "inspector.add",
        entityType: "inspector",
        entityId: String(row.id),
        after: { deptId, ...input },
      },
    );
    return row;
  });
}

/** A person who left stays on past draws but is no longer drawn. */
export async function setInspectorActive(
  { db, actor, meta }: ServiceContext,
  input: { id: number; active: boolean },
): Promise<void> {
  const deptId = supervisorDepartment(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(inspectors)
      .set({ active: input.active, updatedAt: new Date() })
      .where(and(eq(inspectors.id, input.id), eq(inspectors.deptId, deptId)))
      .returning({ id: inspectors.id });
    if (!row) throw new AppError("not_found", "该检查人员不在本部门名录中。");
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "inspector.update",
        entityType: "inspector",
        entityId: String(input.id),
        after: { active: input.active },
      },
    );
  });
}

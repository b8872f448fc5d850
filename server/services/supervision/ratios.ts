import "server-only";
import { eq } from "drizzle-orm";
import { deptInspectionRatios } from "@/db/schema";
import type { Grade } from "@/lib/policy";
import { parseRatioForm } from "@/lib/supervision/ratios";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";

export function supervisorDepartment(actor: ServiceContext["actor"]): number {
  if (actor.departmentId === null)
    throw new AppError("forbidden", "您的账号不属于任何部门，不能办理抽查事项。");
  return actor.departmentId;
}

/** Issue 12 §2: the supervisor's own department's ratio per grade; refused outside 0–100 %, versioned, audited. */
export async function updateInspectionRatios(
  { db, actor, meta }: ServiceContext,
  input: { version: number; form: Partial<Record<Grade, string>> },
): Promise<{ version: number }> {
  const deptId = supervisorDepartment(actor);
  const parsed = parseRatioForm(input.form);
  if (!parsed.ok) throw new AppError("invalid", parsed.message);
  const defaults = (await getPolicy()).inspectionRatios;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(deptInspectionRatios)
      .where(eq(deptInspectionRatios.deptId, deptId))
      .for("update");
    const current = row?.version ?? 0;
    if (current !== input.version) throw new AppError("conflict", "抽查比例刚被他人修改，请刷新页面后再改。");
    const before = row?.ratios ?? defaults;
    if (JSON.stringify(before) === JSON.stringify(parsed.ratios))
      throw new AppError("invalid", "新比例与当前比例相同，未作修改。");
    const version = current + 1;
    const set = { ratios: parsed.ratios, version, updatedBy: actor.id, updatedAt: new Date() };
    await tx
      .insert(deptInspectionRatios)
      .values({ deptId, ...set })
      .onConflictDoUpdate({ target: deptInspectionRatios.deptId, set });
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "supervision.ratios",
        entityType: "department",
        entityId: String(deptId),
        before: { ratios: before, version: current },
        after: { ratios: parsed.ratios, version },
      },
    );
    return { version };
  });
}

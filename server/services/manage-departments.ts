import "server-only";
import { eq, or } from "drizzle-orm";
import { departments } from "@/db/schema";
import { auditBy } from "../audit";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";

export type DepartmentFields = {
  code: string;
  name: string;
  shortName: string;
  uscc: string;
  regionCode: string;
};

export async function createDepartment(ctx: ServiceContext, f: DepartmentFields): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(or(eq(departments.code, f.code), eq(departments.uscc, f.uscc)));
    if (dup) throw new AppError("conflict", "部门代码或统一社会信用代码已被其他部门使用。");
    const level = f.regionCode === "360000" ? "province" : f.regionCode.endsWith("00") ? "city" : "county";
    const [row] = await tx
      .insert(departments)
      .values({ ...f, level })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await auditBy(tx, ctx, {
      action: "department.create",
      entityType: "department",
      entityId: String(row.id),
      after: row,
    });
    return row.id;
  });
}

export async function setDepartmentActive(
  ctx: ServiceContext,
  { id, active }: { id: number; active: boolean },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(departments)
      .set({ active })
      .where(eq(departments.id, id))
      .returning({ id: departments.id });
    if (!row) throw new AppError("not_found", "部门不存在。");
    await auditBy(tx, ctx, {
      action: "department.update",
      entityType: "department",
      entityId: String(id),
      after: { active },
    });
  });
}

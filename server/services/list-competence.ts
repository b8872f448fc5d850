import "server-only";
import { and, eq } from "drizzle-orm";
import { creditListDepartments, creditLists, departments } from "@/db/schema";
import { auditBy } from "../audit";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";

/**
 * Issue 20 N4: the sysadmin makes a department competent to propose entries on a list it does not own (a city's
 * market regulator on the province market regulator's list), or takes that back; audited.
 */
export async function setListCompetence(
  { db, actor, meta }: ServiceContext,
  input: { listId: number; deptId: number; competent: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [list] = await tx.select().from(creditLists).where(eq(creditLists.id, input.listId));
    const [dept] = await tx
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.id, input.deptId));
    if (!list || !dept) throw new AppError("not_found", "名单或部门不存在。");
    if (list.ownerDeptId === dept.id)
      throw new AppError("invalid", `${dept.name}是该名单的认定单位，无需授权。`);
    const where = and(eq(creditListDepartments.listId, list.id), eq(creditListDepartments.deptId, dept.id));
    const [held] = await tx.select().from(creditListDepartments).where(where);
    if (input.competent === Boolean(held))
      throw new AppError("conflict", input.competent ? "该部门已有此授权。" : "该部门没有此授权。");
    if (input.competent)
      await tx
        .insert(creditListDepartments)
        .values({ listId: list.id, deptId: dept.id, grantedBy: actor.id });
    else await tx.delete(creditListDepartments).where(where);
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "list.competence",
        entityType: "credit_list",
        entityId: String(list.id),
        before: { deptId: dept.id, competent: Boolean(held) },
        after: { deptId: dept.id, competent: input.competent, list: list.name, dept: dept.name },
      },
    );
  });
}

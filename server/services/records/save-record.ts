import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import type { RecordKind } from "@/db/schema";
import { departments } from "@/db/schema";
import { canEditRecord } from "@/lib/access/scope";
import { describeChanges } from "@/server/services/records/change-context";
import { auditBy, logAudit } from "../../audit";
import type { CurrentUser, ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";
import { decisionTable, type RecordInputOf, recordValues } from "./record-values";
import { resolveSubjects } from "./resolve-subjects";
import { writeRecords } from "./write-records";

export const NOT_IN_SCOPE = "记录不存在，或不在您的管辖范围内。";

/** Loads a record for writing; anything outside the operator's own department is "not found" (no hint it exists). */
export async function loadEditable(db: Pick<Db, "select">, kind: RecordKind, id: number, actor: CurrentUser) {
  const table = decisionTable(kind);
  const [row] = await db.select().from(table).where(eq(table.id, id));
  if (!row || !canEditRecord(actor, row)) throw new AppError("not_found", NOT_IN_SCOPE);
  return row;
}

/**
 * Creates a record of the operator's department, or edits one (issue 5 §5): the subject is found or created from
 * the counterpart, the computed columns come from lib rules, and the change and its audit row commit together.
 */
export async function saveRecord<K extends RecordKind>(
  { db, actor, meta, today }: ServiceContext,
  { kind, id, input }: { kind: K; id?: number; input: RecordInputOf[K] },
): Promise<number> {
  if (!actor.roles.includes("operator") || actor.departmentId === null)
    throw new AppError("forbidden", "只有录入员可以录入信用记录。");
  const deptId = actor.departmentId;
  const { disclosureFineThresholdWan: thresholdWan } = await getPolicy();
  const table = decisionTable(kind);
  try {
    return await db.transaction(async (tx) => {
      const before = id === undefined ? null : await loadEditable(tx, kind, id, actor);
      if (before && before.status !== "active")
        throw new AppError("conflict", "已撤销或已修复的记录不能修改。");
      if (!before || before.decisionNo !== input.decisionNo) {
        const [dup] = await tx
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.sourceDeptId, deptId), eq(table.decisionNo, input.decisionNo)));
        if (dup)
          throw new AppError(
            "conflict",
            `本单位已有文号为“${input.decisionNo}”的记录（编号 ${dup.id}），请勿重复录入。`,
          );
      }
      const [dept] = await tx
        .select({ name: departments.name })
        .from(departments)
        .where(eq(departments.id, deptId));
      const source = `${dept?.name ?? ""} ${input.decisionNo}`;
      const audit = { actorId: actor.id, actorName: actor.username, entityType: kind, ...meta };
      if (before) {
        await describeChanges(tx, { channel: "console", basis: "数据来源单位更正" });
        // an edit may change the 文号 itself, so it is written by id, with the same rows as every other path
        const [subjectId] = await resolveSubjects(tx, [input], {
          actor,
          meta,
          source,
          today,
          departmentId: deptId,
        });
        const values = recordValues(kind, input, subjectId ?? 0, {
          deptId,
          actorId: actor.id,
          thresholdWan,
          channel: "console",
        });
        // the channel a record arrived by is its receipt's, never an edit's
        const { createdBy: _, channel: __, ...changes } = values;
        const [after] = await tx
          .update(table)
          .set(changes as never)
          .where(eq(table.id, before.id))
          .returning();
        await logAudit(tx, { ...audit, action: "record.update", entityId: String(before.id), before, after });
        return before.id;
      }
      const [written] = await writeRecords(tx, {
        kind,
        inputs: [input],
        departmentId: deptId,
        actor,
        meta,
        source,
        channel: "console",
        today,
        thresholdWan,
      });
      if (!written) throw new Error("the record was not written");
      const [created] = await tx.select().from(table).where(eq(table.id, written.id));
      await logAudit(tx, { ...audit, action: "record.create", entityId: String(written.id), after: created });
      return written.id;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", `本单位已有文号为“${input.decisionNo}”的记录，请勿重复录入。`);
    throw e;
  }
}

/** 撤销 with a reason (never a hard delete): the record leaves every public surface and stays in the console. */
export async function withdrawRecord(
  { db, actor, meta }: ServiceContext,
  { kind, id, reason }: { kind: RecordKind; id: number; reason: string },
): Promise<void> {
  const table = decisionTable(kind);
  await db.transaction(async (tx) => {
    const before = await loadEditable(tx, kind, id, actor);
    if (before.status === "withdrawn") throw new AppError("conflict", "该记录已撤销。");
    // the public history names the ground, not the operator's own words
    await describeChanges(tx, { channel: "console", basis: "数据来源单位撤销" });
    const [after] = await tx
      .update(table)
      .set({ status: "withdrawn", withdrawnReason: reason, updatedBy: actor.id })
      .where(eq(table.id, id))
      .returning();
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "record.withdraw",
        entityType: kind,
        entityId: String(id),
        before: { status: before.status },
        after: { status: after?.status, withdrawnReason: reason },
      },
    );
  });
}

import "server-only";
import { and, eq } from "drizzle-orm";
import { caseFiles, departments, selfReports } from "@/db/schema";
import { CASE_PREFIX, caseNumber } from "@/lib/workflows/case-number";
import { dueOn } from "@/lib/workflows/deadlines";
import {
  SELF_REPORT_INITIAL,
  type SelfReportCategory,
  type SelfReportEvent,
  selfReportMachine,
} from "@/lib/workflows/self-report";
import { getCalendar } from "../../calendar";
import { type CheckedCaseFile, withCaseFiles } from "../../case-files";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";
import { moveCase, nextCaseId, ownDepartment, recordCaseStep } from "./case-step";

export type SelfReportInput = {
  category: SelfReportCategory;
  title: string;
  issuer: string;
  occurredOn: string;
  description: string;
  deptId: number;
  pledgeSigner: string;
  submissionKey: string;
};

/**
 * 2020 plan §11: a business reports an item of its own credit information with its supporting files and a
 * truthfulness commitment. The files are already stored (checked by content); if the case is not written they
 * are deleted again, so nothing is left half-done.
 */
export async function submitSelfReport(
  { db, actor, meta, today }: ServiceContext,
  input: SelfReportInput,
  files: CheckedCaseFile[],
): Promise<{ id: number; caseNo: string; duplicate: boolean }> {
  return withCaseFiles(files, async (store) => {
    if (!actor.roles.includes("business") || actor.subjectId === null)
      throw new AppError("forbidden", "只有企业账号可以自主申报信用信息。");
    if (files.length === 0) throw new AppError("invalid", "请上传证明材料（PDF、JPG 或 PNG）。");
    const subjectId = actor.subjectId;
    const [dept] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, input.deptId));
    if (!dept) throw new AppError("invalid", "请选择核验部门。");
    const [{ selfReportVerifyWorkingDays }, cal] = await Promise.all([getPolicy(), getCalendar(db)]);
    return db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: selfReports.id, caseNo: selfReports.caseNo, subjectId: selfReports.subjectId })
        .from(selfReports)
        .where(eq(selfReports.submissionKey, input.submissionKey));
      if (existing) {
        if (existing.subjectId !== subjectId) throw new AppError("conflict", "请刷新页面后重新填写。");
        return { id: existing.id, caseNo: existing.caseNo, duplicate: true };
      }
      const id = await nextCaseId(tx, "self_reports");
      const caseNo = caseNumber(CASE_PREFIX.self_report, today, id);
      await tx.insert(selfReports).values({
        id,
        caseNo,
        subjectId,
        applicantId: actor.id,
        ...input,
        status: SELF_REPORT_INITIAL,
        submittedOn: today,
        verifyDueOn: dueOn(cal, today, selfReportVerifyWorkingDays),
      });
      await tx
        .insert(caseFiles)
        .values((await store()).map((f) => ({ ...f, selfReportId: id, kind: "evidence" as const })));
      await recordCaseStep(
        tx,
        { actor, meta, today },
        {
          ref: { kind: "self-reports", id: id },
          from: null,
          to: SELF_REPORT_INITIAL,
          action: "self_report.submit",
          entityType: "self_report",
          after: {
            state: SELF_REPORT_INITIAL,
            caseNo,
            category: input.category,
            title: input.title,
            files: files.length,
          },
        },
      );
      return { id, caseNo, duplicate: false };
    });
  });
}

/** A reviewer of the named department verifies or rejects a self-reported item (a rejection says why). */
export async function decideSelfReport(
  { db, actor, meta, today }: ServiceContext,
  input: { id: number; event: SelfReportEvent; expected?: string; note?: string },
): Promise<void> {
  const note = input.note?.trim() || null;
  if (input.event === "reject" && !note) throw new AppError("invalid", "请填写未通过核验的理由。");
  await db.transaction(async (tx) => {
    const [r] = await tx.select().from(selfReports).where(eq(selfReports.id, input.id));
    if (!r) throw new AppError("not_found", "该申报不存在，或不在您的管辖范围内。");
    ownDepartment(actor, r.deptId);
    await moveCase(
      tx,
      { actor, meta, today },
      {
        machine: selfReportMachine,
        current: { state: r.status, deptId: r.deptId },
        event: input.event,
        expected: input.expected,
        write: async (t) => {
          const moved = await tx
            .update(selfReports)
            .set({
              status: t.next,
              decidedOn: today,
              decisionReason: note,
              verifiedBy: actor.id,
              updatedAt: new Date(),
            })
            .where(and(eq(selfReports.id, r.id), eq(selfReports.status, t.from)))
            .returning({ id: selfReports.id });
          return moved.length > 0;
        },
        step: () => ({
          ref: { kind: "self-reports", id: r.id },
          note,
          action: `self_report.${input.event}`,
          entityType: "self_report",
        }),
      },
    );
  });
}

import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { caseFiles, commitments, commitmentTemplates, penalties, repairCases, subjects } from "@/db/schema";
import { fillTemplate } from "@/lib/records/commitment-text";
import { repairApplicationText } from "@/lib/records/repair-application";
import { CASE_PREFIX, caseNumber } from "@/lib/workflows/case-number";
import { commitmentColumns } from "@/lib/workflows/commitment";
import { dueOn } from "@/lib/workflows/deadlines";
import { missingReason } from "@/lib/workflows/machine";
import { REPAIR_INITIAL, type RepairEvent, repairMachine } from "@/lib/workflows/repair";
import { describeChanges } from "@/server/services/records/change-context";
import { getCalendar } from "../../calendar";
import { type CheckedCaseFile, withCaseFiles } from "../../case-files";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { type RepairTargetType, repairEligibility } from "../../queries/repair-eligibility";
import { getPolicy } from "../../settings";
import { moveCase, nextCaseId, ownDepartment, ownSubject, recordCaseStep } from "./case-step";
import { removeListEntry } from "./list-decisions";

export type RepairInput = {
  targetType: RepairTargetType;
  targetId: number;
  statement: string;
  contactName: string;
  phone: string;
  signerName: string;
  submissionKey: string;
};

/**
 * A business applies to repair one of its negative records (DOMAIN §7). Refused at once, with the date it
 * becomes possible, when the rules say not yet; otherwise the application, its 信用修复型 commitment (signed in
 * the same flow) and the proof are written in one transaction, and a second submission finds the first.
 */
export async function applyForRepair(
  { db, actor, meta, today }: ServiceContext,
  input: RepairInput,
  files: CheckedCaseFile[],
): Promise<{ id: number; caseNo: string; duplicate: boolean }> {
  return withCaseFiles(files, async (store) => {
    if (!actor.roles.includes("business") || actor.subjectId === null)
      throw new AppError("forbidden", "只有企业账号可以申请信用修复。");
    const [{ repairAcceptWorkingDays }, cal] = await Promise.all([getPolicy(), getCalendar(db)]);
    return db.transaction(async (tx) => {
      const [again] = await tx
        .select({ id: repairCases.id, caseNo: repairCases.caseNo, subjectId: repairCases.subjectId })
        .from(repairCases)
        .where(eq(repairCases.submissionKey, input.submissionKey));
      if (again) {
        ownSubject(actor, again.subjectId);
        return { id: again.id, caseNo: again.caseNo, duplicate: true };
      }
      const judged = await repairEligibility({ db: tx, type: input.targetType, id: input.targetId, today });
      if (!judged) throw new AppError("not_found", "该记录不存在，或不属于您的企业。");
      ownSubject(actor, judged.target.subjectId);
      if (judged.refusal) throw new AppError("invalid", judged.refusal.reason);
      if (files.length === 0) throw new AppError("invalid", "请上传已履行法定义务、纠正失信行为的证明材料。");
      const [subject] = await tx.select().from(subjects).where(eq(subjects.id, judged.target.subjectId));
      const [template] = await tx
        .select()
        .from(commitmentTemplates)
        .where(and(eq(commitmentTemplates.type, "repair"), isNull(commitmentTemplates.retiredAt)))
        .orderBy(desc(commitmentTemplates.id))
        .limit(1);
      if (!subject || !template) throw new Error("repair needs its subject and a 信用修复型 template");
      const [pledge] = await tx
        .insert(commitments)
        .values({
          subjectId: subject.id,
          type: "repair",
          templateId: template.id,
          deptId: judged.target.deptId,
          title: template.title,
          content: fillTemplate(template.body, { decision: judged.target.decisionNo }),
          specifics: { decision: judged.target.decisionNo },
          signerName: input.signerName,
          signedOn: today,
          submittedOn: today,
          ...commitmentColumns("submitted"),
          createdBy: actor.id,
        })
        .returning({ id: commitments.id });
      const id = await nextCaseId(tx, "repair_cases");
      const caseNo = caseNumber(CASE_PREFIX.repair, today, id);
      try {
        await tx.insert(repairCases).values({
          id,
          caseNo,
          subjectId: subject.id,
          applicantId: actor.id,
          targetType: input.targetType,
          targetId: input.targetId,
          deptId: judged.target.deptId,
          statement: input.statement,
          applicationText: repairApplicationText({
            subjectName: subject.name,
            uscc: subject.uscc,
            record: judged.target.label,
            statement: input.statement,
            contactName: input.contactName,
            phone: input.phone,
            signerName: input.signerName,
            date: today,
          }),
          submissionKey: input.submissionKey,
          recordEnteredBy: judged.target.enteredBy,
          commitmentId: pledge?.id ?? null,
          status: REPAIR_INITIAL,
          submittedOn: today,
          acceptDueOn: dueOn(cal, today, repairAcceptWorkingDays),
        });
      } catch (err) {
        if (isUniqueViolation(err, "repair_cases_one_open_per_record"))
          throw new AppError("conflict", "该记录已有正在办理的信用修复申请，请在“我的办件”中查看进度。");
        throw err;
      }
      await tx
        .insert(caseFiles)
        .values((await store()).map((f) => ({ ...f, repairCaseId: id, kind: "proof" as const })));
      await recordCaseStep(
        tx,
        { actor, meta, today },
        {
          ref: { kind: "repairs", id: id },
          from: null,
          to: REPAIR_INITIAL,
          action: "repair.apply",
          entityType: "repair_case",
          after: {
            state: REPAIR_INITIAL,
            caseNo,
            target: `${input.targetType}:${input.targetId}`,
            files: files.length,
          },
        },
      );
      return { id, caseNo, duplicate: false };
    });
  });
}

/**
 * 受理 / 不予受理, then 同意修复 / 不予修复 (DOMAIN §7), by a reviewer of the record's department who did not
 * enter it. On 同意修复 the record leaves every public surface in the same transaction: a penalty becomes
 * `repaired`, a 违诺 is marked repaired, a list entry is removed for repair; the signed repair commitment
 * takes effect. A refusal returns the commitment.
 */
export async function decideRepair(
  { db, actor, meta, today }: ServiceContext,
  input: { id: number; event: RepairEvent; expected?: string; note?: string },
): Promise<void> {
  const note = input.note?.trim() || null;
  const missing = missingReason(repairMachine, input.event, note);
  if (missing) throw new AppError("invalid", missing);
  const [{ repairDecideWorkingDays }, cal] = await Promise.all([getPolicy(), getCalendar(db)]);
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(repairCases).where(eq(repairCases.id, input.id));
    if (!c) throw new AppError("not_found", "该修复申请不存在，或不在您的管辖范围内。");
    ownDepartment(actor, c.deptId);
    const effect =
      input.event === "accept"
        ? { acceptedOn: today, decideDueOn: dueOn(cal, today, repairDecideWorkingDays), handlerId: actor.id }
        : input.event === "not_accept"
          ? { decidedOn: today, decisionReason: note, handlerId: actor.id, decidedBy: actor.id }
          : { decidedOn: today, decisionReason: note, decidedBy: actor.id };
    await moveCase(
      tx,
      { actor, meta, today },
      {
        machine: repairMachine,
        current: { state: c.status, deptId: c.deptId, recordEnteredBy: c.recordEnteredBy },
        event: input.event,
        expected: input.expected,
        write: async (t) => {
          const moved = await tx
            .update(repairCases)
            .set({ status: t.next, ...effect, updatedAt: new Date() })
            .where(and(eq(repairCases.id, c.id), eq(repairCases.status, t.from)))
            .returning({ id: repairCases.id });
          if (moved.length === 0) return false;
          if (t.next === "approved") await repairRecord(tx, c, { actor, meta, today });
          // the signed 信用修复型 commitment takes effect with the repair, or is returned with it
          if (c.commitmentId && repairMachine.final.includes(t.next))
            await tx
              .update(commitments)
              .set({
                ...commitmentColumns(t.next === "approved" ? "in_progress" : "returned"),
                reviewedBy: actor.id,
                reviewedAt: new Date(),
                returnReason: t.next === "approved" ? null : note,
              })
              .where(eq(commitments.id, c.commitmentId));
          return true;
        },
        step: (t) => ({
          ref: { kind: "repairs", id: c.id },
          note,
          action: `repair.${input.event}`,
          entityType: "repair_case",
          after: {
            state: t.next,
            caseNo: c.caseNo,
            target: `${c.targetType}:${c.targetId}`,
            note: note ?? undefined,
          },
        }),
      },
    );
  });
}

async function repairRecord(
  tx: Tx,
  c: { targetType: string; targetId: number; caseNo: string },
  who: Pick<ServiceContext, "actor" | "meta" | "today">,
) {
  const { today } = who;
  const actorId = who.actor.id;
  await describeChanges(tx, { channel: "console", basis: "信用修复", caseNo: c.caseNo });
  if (c.targetType === "penalty") {
    await tx
      .update(penalties)
      .set({ status: "repaired", repairedAt: today, updatedBy: actorId, updatedAt: new Date() })
      .where(eq(penalties.id, c.targetId));
  } else if (c.targetType === "commitment") {
    await tx
      .update(commitments)
      .set({ breachRepairedAt: today, updatedAt: new Date() })
      .where(eq(commitments.id, c.targetId));
  } else if (c.targetType === "list_entry") {
    await removeListEntry(tx, who, {
      entry: c.targetId,
      reason: "repaired",
      note: `信用修复（${c.caseNo}）`,
      documentNo: c.caseNo,
    });
  }
}

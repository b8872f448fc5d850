import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import {
  caseFiles,
  commitments,
  commitmentTemplates,
  creditLists,
  departments,
  listEntries,
  penalties,
  repairCases,
  subjects,
} from "@/db/schema";
import { compareDates, type IsoDate } from "@/lib/calendar/dates";
import { fillTemplate } from "@/lib/records/commitment-text";
import { repairApplicationText } from "@/lib/records/repair-application";
import { listEntryRepairableFrom, type RepairTarget, repairRefusal } from "@/lib/records/repair-eligibility";
import { commitmentColumns, commitmentState } from "@/lib/workflows/commitment";
import { dueOn } from "@/lib/workflows/deadlines";
import { missingReason } from "@/lib/workflows/machine";
import { REPAIR_INITIAL, REPAIR_REFUSED, type RepairEvent, repairMachine } from "@/lib/workflows/repair";
import { getCalendar } from "../../calendar";
import { keepingFilesOnlyIfNew, type StoredCaseFile } from "../../case-files";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";
import { caseNumber, moveCase, nextCaseId, ownDepartment, ownSubject, recordCaseStep } from "./case-step";
import { removeListEntry } from "./list-decisions";

export type RepairTargetType = "penalty" | "commitment" | "list_entry";

export type LoadedTarget = RepairTarget & {
  subjectId: number;
  /** the department that made the record: it handles the repair */
  deptId: number;
  enteredBy: number | null;
  /** how the record is named in the application */
  label: string;
  decisionNo: string;
};

/** A negative record as repair sees it (DOMAIN §7); null when there is no such record. */
export async function loadRepairTarget(
  tx: Pick<Tx, "select">,
  type: RepairTargetType,
  id: number,
  today: IsoDate,
): Promise<LoadedTarget | null> {
  if (type === "penalty") {
    const [p] = await tx
      .select({ p: penalties, dept: departments.name })
      .from(penalties)
      .innerJoin(departments, eq(departments.id, penalties.authorityDeptId))
      .where(eq(penalties.id, id));
    if (!p) return null;
    const r = p.p;
    const isPublic =
      r.status === "active" &&
      r.disclosable &&
      compareDates(r.decisionDate, today) <= 0 &&
      compareDates(today, r.publicUntil) <= 0;
    return {
      subjectId: r.subjectId,
      deptId: r.sourceDeptId,
      enteredBy: r.createdBy,
      repairableFrom: r.repairableFrom,
      unrepairable: r.unrepairable,
      closed: !isPublic,
      label: `行政处罚 ${r.decisionNo}（${p.dept}，${r.decisionDate}，${r.violationType}）`,
      decisionNo: r.decisionNo,
    };
  }
  if (type === "commitment") {
    const [c] = await tx.select().from(commitments).where(eq(commitments.id, id));
    if (!c || commitmentState(c) !== "breached" || !c.breachedOn) return null;
    return {
      subjectId: c.subjectId,
      deptId: c.deptId,
      enteredBy: c.findingBy,
      repairableFrom: c.breachRepairableFrom,
      unrepairable: c.unrepairable,
      closed:
        c.breachRepairedAt !== null ||
        (c.breachPublicUntil !== null && compareDates(today, c.breachPublicUntil) > 0),
      label: `违诺 “${c.title}”（认定日期 ${c.breachedOn}）`,
      decisionNo: c.title,
    };
  }
  const [e] = await tx
    .select({ e: listEntries, list: creditLists.name })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .where(eq(listEntries.id, id));
  if (!e || e.e.kind === "red") return null;
  const r = e.e;
  const start = r.validFrom ?? r.decisionDate;
  return {
    subjectId: r.subjectId,
    deptId: r.deptId,
    enteredBy: r.createdBy,
    repairableFrom: start ? listEntryRepairableFrom(r.kind, start) : null,
    unrepairable: r.unrepairable,
    closed: r.status !== "published" || (r.validUntil !== null && compareDates(today, r.validUntil) > 0),
    label: `列入${e.list}（${r.decisionNo ?? r.caseNo}）`,
    decisionNo: r.decisionNo ?? r.caseNo,
  };
}

/** The day the latest application for the record was refused, for the 6-month rule (DOMAIN §7). */
async function lastRefusal(
  tx: Pick<Tx, "select">,
  type: RepairTargetType,
  id: number,
): Promise<IsoDate | null> {
  const [row] = await tx
    .select({ on: repairCases.decidedOn })
    .from(repairCases)
    .where(
      and(
        eq(repairCases.targetType, type),
        eq(repairCases.targetId, id),
        inArray(repairCases.status, [...REPAIR_REFUSED]),
      ),
    )
    .orderBy(desc(repairCases.decidedOn))
    .limit(1);
  return row?.on ?? null;
}

/** Whether the business may apply today, and if not why: the same answer the form shows before it is filled. */
export async function repairEligibility(
  tx: Pick<Tx, "select">,
  type: RepairTargetType,
  id: number,
  today: IsoDate,
) {
  const target = await loadRepairTarget(tx, type, id, today);
  if (!target) return null;
  const { repairRetryMonths } = await getPolicy();
  return {
    target,
    refusal: repairRefusal(target, today, await lastRefusal(tx, type, id), repairRetryMonths),
  };
}

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
  files: StoredCaseFile[],
): Promise<{ id: number; caseNo: string; duplicate: boolean }> {
  return keepingFilesOnlyIfNew(files, async () => {
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
      const judged = await repairEligibility(tx, input.targetType, input.targetId, today);
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
      const caseNo = caseNumber("XF", today, id);
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
        .values(files.map((f) => ({ ...f, repairCaseId: id, kind: "proof" as const })));
      await recordCaseStep(
        tx,
        { actor, meta },
        {
          ref: { repairCaseId: id },
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
      { actor, meta },
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
          ref: { repairCaseId: c.id },
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

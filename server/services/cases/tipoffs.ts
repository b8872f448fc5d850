import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseEvents, caseFiles, departments, subjects, tipoffs } from "@/db/schema";
import { trackingSecretFromBytes } from "@/lib/access/activation-code";
import type { IsoDate } from "@/lib/calendar/dates";
import { maskPersonName } from "@/lib/subjects/masking";
import type { SubjectCode } from "@/lib/subjects/subject-code";
import { CASE_PREFIX, caseNumber } from "@/lib/workflows/case-number";
import { dueOn, standing } from "@/lib/workflows/deadlines";
import { missingReason } from "@/lib/workflows/machine";
import { TIPOFF_INITIAL, type TipoffEvent, tipoffMachine } from "@/lib/workflows/tipoff";
import { logAudit } from "../../audit";
import { getCalendar } from "../../calendar";
import { type CheckedCaseFile, withCaseFiles } from "../../case-files";
import type { RequestMeta, ServiceContext } from "../../context";
import { hashTrackingSecret, trackingSecretMatches } from "../../credentials/tracking-secret";
import { AppError } from "../../errors";
import { getPolicy } from "../../settings";
import { moveCase, nextCaseId, ownDepartment, recordCaseStep } from "./case-step";

/** Who the public is in a case's history and the audit log: no account, the name they gave. */
const reporter = (name: string) => ({ id: null, username: `举报人：${name}`.slice(0, 64) });

export type TipoffInput = {
  subject: Exclude<SubjectCode, { kind: "invalid" }>;
  deptId: number;
  name: string;
  contact: string;
  content: string;
  submissionKey: string;
};

export type TipoffReceipt =
  | { kind: "new"; caseNo: string; secret: string; answerDueOn: IsoDate }
  | { kind: "duplicate"; caseNo: string };

/**
 * 失信举报 (issue 23 §5): anyone reports a subject, with evidence, to the competent department's queue; a case
 * number and a secret come back (the secret kept only as its hash). A report about a natural person is accepted
 * and, like every report, shown to nobody but its department. The caller checks rate limit and proof-of-work.
 */
export async function submitTipoff(
  { db, meta, today }: { db: Db; meta: RequestMeta; today: IsoDate },
  input: TipoffInput,
  files: CheckedCaseFile[],
): Promise<TipoffReceipt> {
  const who = { actor: reporter(input.name), meta, today };
  const [subject] = await db
    .select({ id: subjects.id })
    .from(subjects)
    .where(
      input.subject.kind === "uscc"
        ? eq(subjects.uscc, input.subject.code)
        : eq(subjects.publicId, input.subject.id),
    );
  const [dept] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, input.deptId), eq(departments.active, true)));
  if (!subject || !dept) {
    const reason = !subject
      ? "本平台没有该主体的信用档案，请核对统一社会信用代码；也可直接向主管部门或 12345 热线举报。"
      : "受理部门不存在，请重新选择。";
    await db.transaction((tx) =>
      logAudit(tx, {
        action: "tipoff.refused",
        actorName: who.actor.username,
        entityType: "tipoff",
        outcome: "denied",
        after: { reason },
        ip: meta.ip,
        userAgent: meta.userAgent,
      }),
    );
    throw new AppError("invalid", reason);
  }
  const [{ tipoffAnswerWorkingDays }, cal] = await Promise.all([getPolicy(), getCalendar(db)]);
  return withCaseFiles(files, async (store) =>
    db.transaction(async (tx) => {
      const [again] = await tx
        .select({ caseNo: tipoffs.caseNo })
        .from(tipoffs)
        .where(eq(tipoffs.submissionKey, input.submissionKey));
      if (again) return { kind: "duplicate" as const, caseNo: again.caseNo };
      const id = await nextCaseId(tx, "tipoffs");
      const caseNo = caseNumber(CASE_PREFIX.tipoff, today, id);
      const secret = trackingSecretFromBytes(randomBytes(12));
      const answerDueOn = dueOn(cal, today, tipoffAnswerWorkingDays);
      await tx.insert(tipoffs).values({
        id,
        caseNo,
        subjectId: subject.id,
        deptId: dept.id,
        reporterName: input.name,
        contact: input.contact,
        content: input.content,
        secretHash: hashTrackingSecret(secret),
        submissionKey: input.submissionKey,
        status: TIPOFF_INITIAL,
        submittedOn: today,
        answerDueOn,
      });
      if (files.length > 0)
        await tx
          .insert(caseFiles)
          .values((await store()).map((f) => ({ ...f, tipoffId: id, kind: "evidence" as const })));
      await recordCaseStep(tx, who, {
        ref: { kind: "tipoffs", id },
        from: null,
        to: TIPOFF_INITIAL,
        action: "tipoff.submit",
        entityType: "tipoff",
        after: { state: TIPOFF_INITIAL, caseNo, subjectId: subject.id, deptId: dept.id, files: files.length },
      });
      return { kind: "new" as const, caseNo, secret, answerDueOn };
    }),
  );
}

/** 受理 / 不予受理 → 查证属实 / 查无实据, by a reviewer of the department it was sent to. */
export async function decideTipoff(
  { db, actor, meta, today }: ServiceContext,
  input: { id: number; event: TipoffEvent; expected?: string; note?: string },
): Promise<void> {
  const note = input.note?.trim() || null;
  const missing = missingReason(tipoffMachine, input.event, note);
  if (missing) throw new AppError("invalid", missing);
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(tipoffs).where(eq(tipoffs.id, input.id));
    if (!c) throw new AppError("not_found", "该举报不存在，或不在您的管辖范围内。");
    ownDepartment(actor, c.deptId);
    await moveCase(
      tx,
      { actor, meta, today },
      {
        machine: tipoffMachine,
        current: { state: c.status, deptId: c.deptId, recordEnteredBy: null },
        event: input.event,
        expected: input.expected,
        write: async (t) => {
          const closing = tipoffMachine.final.includes(t.next);
          const moved = await tx
            .update(tipoffs)
            .set({
              status: t.next,
              handlerId: actor.id,
              updatedAt: new Date(),
              ...(t.next === "accepted" ? { acceptedOn: today } : {}),
              ...(closing ? { closedOn: today, outcomeReason: note } : {}),
            })
            .where(and(eq(tipoffs.id, c.id), eq(tipoffs.status, t.from)))
            .returning({ id: tipoffs.id });
          return moved.length > 0;
        },
        step: (t) => ({
          ref: { kind: "tipoffs", id: c.id },
          note,
          action: `tipoff.${input.event}`,
          entityType: "tipoff",
          after: { state: t.next, caseNo: c.caseNo, note: note ?? undefined },
        }),
      },
    );
  });
}

/** The one answer for an unknown case number and a wrong secret. */
export const NO_SUCH_TIPOFF = "未找到与该案号和查询码相符的举报，请核对后重新输入。";

/** The reporter reads the case by number and secret (issue 23 §5): its state, deadline, answer and history. */
export async function trackTipoff(db: Db, caseNo: string, secretHash: string, today: IsoDate) {
  const [c] = await db
    .select({ t: tipoffs, subject: subjects.name, kind: subjects.kind, dept: departments.name })
    .from(tipoffs)
    .innerJoin(subjects, eq(subjects.id, tipoffs.subjectId))
    .innerJoin(departments, eq(departments.id, tipoffs.deptId))
    .where(eq(tipoffs.caseNo, caseNo));
  if (!c || !trackingSecretMatches(c.t.secretHash, secretHash)) return null;
  const [events, cal] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.tipoffId, c.t.id)).orderBy(asc(caseEvents.id)),
    getCalendar(db),
  ]);
  const final = tipoffMachine.final.includes(c.t.status);
  return {
    caseNo: c.t.caseNo,
    subject: c.kind === "natural_person" ? maskPersonName(c.subject) : c.subject,
    dept: c.dept,
    stateLabel: tipoffMachine.labels[c.t.status],
    final,
    submittedOn: c.t.submittedOn,
    due: final ? null : standing(cal, c.t.answerDueOn, today),
    closedOn: c.t.closedOn,
    outcomeReason: c.t.outcomeReason,
    history: events.map((e) => ({
      id: e.id,
      at: e.at,
      label: tipoffMachine.labels[e.toStatus as keyof typeof tipoffMachine.labels] ?? e.toStatus,
      note: e.note,
    })),
  };
}

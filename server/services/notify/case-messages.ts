import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commitments, objections, repairCases, selfReports, subjects, userRoles, users } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { message } from "@/lib/notify/templates";
import { CASE_PREFIX, caseNumber } from "@/lib/workflows/case-number";
import { CASE_KIND, type CaseKind } from "@/lib/workflows/kinds";
import { issueNotice } from "./issue-notice";
import { tellAddress, tellSubject, tellUsers } from "./outbox";

/** What a step's messages need to know of its case, whatever its kind. */
type Facts = {
  subjectId: number;
  subjectName: string;
  deptId: number;
  caseNo: string;
  /** the deadline of the reviewer's next step, if one runs */
  due: IsoDate | null;
  /** an objection's contact, as its objector left it, and the record it is about */
  contact?: string;
  record?: string;
};

const PORTAL: Record<CaseKind, string | null> = {
  repairs: "/business/repairs",
  commitments: "/business/commitments",
  "self-reports": "/business/self-reports",
  objections: null,
};

async function factsOf(tx: Tx, kind: CaseKind, id: number): Promise<Facts | null> {
  const name = { subjectName: subjects.name };
  if (kind === "repairs") {
    const [r] = await tx
      .select({
        subjectId: repairCases.subjectId,
        deptId: repairCases.deptId,
        caseNo: repairCases.caseNo,
        accept: repairCases.acceptDueOn,
        decide: repairCases.decideDueOn,
        ...name,
      })
      .from(repairCases)
      .innerJoin(subjects, eq(subjects.id, repairCases.subjectId))
      .where(eq(repairCases.id, id));
    return r ? { ...r, due: r.decide ?? r.accept } : null;
  }
  if (kind === "commitments") {
    const [c] = await tx
      .select({
        subjectId: commitments.subjectId,
        deptId: commitments.deptId,
        signedOn: commitments.signedOn,
        due: commitments.reviewDueOn,
        ...name,
      })
      .from(commitments)
      .innerJoin(subjects, eq(subjects.id, commitments.subjectId))
      .where(eq(commitments.id, id));
    return c ? { ...c, caseNo: caseNumber(CASE_PREFIX.commitment, c.signedOn, id) } : null;
  }
  if (kind === "self-reports") {
    const [r] = await tx
      .select({
        subjectId: selfReports.subjectId,
        deptId: selfReports.deptId,
        caseNo: selfReports.caseNo,
        due: selfReports.verifyDueOn,
        ...name,
      })
      .from(selfReports)
      .innerJoin(subjects, eq(subjects.id, selfReports.subjectId))
      .where(eq(selfReports.id, id));
    return r ?? null;
  }
  const [o] = await tx
    .select({
      subjectId: objections.subjectId,
      deptId: objections.deptId,
      caseNo: objections.caseNo,
      due: objections.answerDueOn,
      contact: objections.contact,
      record: sql<string>`CASE ${objections.targetType}
        WHEN 'penalty' THEN '行政处罚 ' || (SELECT decision_no FROM penalties WHERE id = ${objections.targetId})
        WHEN 'licence' THEN '行政许可 ' || (SELECT decision_no FROM licences WHERE id = ${objections.targetId})
        ELSE '名单 ' || (SELECT case_no FROM list_entries WHERE id = ${objections.targetId}) END`,
      ...name,
    })
    .from(objections)
    .innerJoin(subjects, eq(subjects.id, objections.subjectId))
    .where(eq(objections.id, id));
  return o ?? null;
}

/** The reviewers of a department: whose queue a new case joins. */
async function reviewersOf(tx: Tx, deptId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "reviewer")))
    .where(eq(users.departmentId, deptId));
  return rows.map((r) => r.id);
}

/** An objector's contact as a channel: an e-mail address, a mobile number, or nothing to send to (a landline). */
export function contactChannel(contact: string): { channel: "email" | "sms"; address: string } | null {
  const c = contact.trim();
  if (c.includes("@")) return { channel: "email", address: c };
  const digits = c.replace(/[\s-]/g, "").replace(/^\+?86/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? { channel: "sms", address: digits } : null;
}

/**
 * Issue 22 §4, for the registered case kinds, in the step's transaction: reviewers learn of a new case in their queue;
 * the company of each later step of its repair, commitment or self-report; the objector of each step of its
 * objection (by the contact it left), and the company of the objection's outcome. A repair decision and an
 * objection outcome are notices, served when read in the portal or accepted by a mail server or gateway.
 */
export async function tellCaseStep(
  tx: Tx,
  o: { kind: CaseKind; id: number; from: string | null; to: string; note: string | null; on: IsoDate },
): Promise<void> {
  const f = await factsOf(tx, o.kind, o.id);
  if (!f) return;
  const spec = CASE_KIND[o.kind];
  const event = `${o.kind}:${o.id}:${o.to}`;
  const stateLabel = spec.machine.labels[o.to] ?? o.to;
  const final = spec.machine.final.includes(o.to);
  const note = o.note ? `说明：${o.note}` : "";
  if (o.from === null && spec.waiting.includes(o.to))
    await tellUsers(tx, {
      userIds: await reviewersOf(tx, f.deptId),
      event,
      message: message("case_queued", {
        kindTitle: spec.title,
        caseNo: f.caseNo,
        subjectName: f.subjectName,
        due: f.due ?? "—",
      }),
      href: `/admin/cases/${o.kind}/${o.id}`,
    });
  const portal = PORTAL[o.kind];
  if (portal && o.from !== null) {
    const noticeId =
      o.kind === "repairs" && final
        ? await issueNotice(tx, {
            kind: "repair_decision",
            caseType: "repairs",
            caseId: o.id,
            caseNo: f.caseNo,
            subjectId: f.subjectId,
            issuedOn: o.on,
            issuedBy: null,
          })
        : null;
    await tellSubject(tx, {
      subjectId: f.subjectId,
      event,
      message: message("case_step", { kindTitle: spec.title, caseNo: f.caseNo, stateLabel, on: o.on, note }),
      href: `${portal}/${o.id}`,
      noticeId,
    });
  }
  if (o.kind !== "objections") return;
  const to = f.contact ? contactChannel(f.contact) : null;
  const outcome = final
    ? await issueNotice(tx, {
        kind: "objection_outcome",
        caseType: "objections",
        caseId: o.id,
        caseNo: f.caseNo,
        subjectId: null,
        issuedOn: o.on,
        issuedBy: null,
      })
    : null;
  if (to)
    await tellAddress(tx, {
      ...to,
      event,
      message: message("objection_step", { caseNo: f.caseNo, on: o.on, stateLabel, note }),
      noticeId: outcome,
    });
  if (final)
    await tellSubject(tx, {
      subjectId: f.subjectId,
      event,
      message: message("objection_outcome", {
        caseNo: f.caseNo,
        on: o.on,
        stateLabel,
        note,
        record: f.record ?? "",
      }),
      href: "/business",
    });
}

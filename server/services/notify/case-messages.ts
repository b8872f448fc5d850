import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { message } from "@/lib/notify/templates";
import { CASE_KIND, type CaseKind } from "@/lib/workflows/kinds";
import { QUEUES } from "../../queries/cases";
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

/** A case's facts through its kind's read model (QUEUES), whatever the kind. */
async function factsOf(tx: Tx, kind: CaseKind, id: number): Promise<Facts | null> {
  const q = QUEUES[kind];
  const [r] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`SELECT c.subject_id, c.dept_id, s.name AS subject_name,
        ${sql.raw(q.caseNo)} AS case_no, (${sql.raw(q.due)})::text AS due,
        ${sql.raw(q.contact ?? "NULL")} AS contact, ${sql.raw(q.about ?? "NULL")} AS about
      FROM ${sql.raw(q.from)} JOIN subjects s ON s.id = c.subject_id WHERE c.id = ${id}`),
  );
  if (!r) return null;
  return {
    subjectId: Number(r.subject_id),
    deptId: Number(r.dept_id),
    subjectName: String(r.subject_name),
    caseNo: String(r.case_no),
    due: (r.due as string | null) ?? null,
    contact: (r.contact as string | null) ?? undefined,
    record: (r.about as string | null) ?? undefined,
  };
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
  const filer = spec.filer;
  if (filer.by === "subject" && o.from !== null) {
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
      href: `${filer.portal}/${o.id}`,
      noticeId,
    });
  }
  if (filer.by !== "public") return;
  const to = f.contact ? contactChannel(f.contact) : null;
  const outcome =
    final && filer.outcomeNotice
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
      message: message("public_step", {
        kindTitle: spec.title,
        caseNo: f.caseNo,
        on: o.on,
        stateLabel,
        note,
      }),
      noticeId: outcome,
    });
  if (final && filer.outcomeNotice)
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

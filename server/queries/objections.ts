import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  caseEvents,
  creditLists,
  departments,
  licences,
  listEntries,
  objections,
  penalties,
  subjects,
} from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { type DeadlineStanding, standing } from "@/lib/workflows/deadlines";
import { type ObjectionTarget, objectionMachine } from "@/lib/workflows/objection";
import { getCalendar } from "../calendar";
import { trackingSecretMatches } from "../credentials/tracking-secret";
import { getDb } from "../db";
import { publicSubjectRef } from "./labels";
import { licenceIsPublic, listEntryIsPublic, penaltyIsPublic } from "./publicity";

export type ObjectionRecord = {
  subjectId: number;
  /** the department that made the record: it verifies the objection */
  deptId: number;
  enteredBy: number | null;
  isPublic: boolean;
  /** how the record is named to the objector and the reviewer */
  label: string;
  /** the record's current correctable values, and the day it took effect (lib/records/correction) */
  values: Record<string, unknown>;
  effectiveFrom: IsoDate;
};

/** A displayed record as an objection sees it; null when there is no such record. */
export async function loadObjectionRecord(
  tx: Pick<Tx, "select">,
  type: ObjectionTarget,
  id: number,
  today: IsoDate,
): Promise<ObjectionRecord | null> {
  if (type === "penalty") {
    const [r] = await tx
      .select({ p: penalties, dept: departments.name, isPublic: sql<boolean>`${penaltyIsPublic(today)}` })
      .from(penalties)
      .innerJoin(departments, eq(departments.id, penalties.authorityDeptId))
      .where(eq(penalties.id, id));
    if (!r) return null;
    return {
      subjectId: r.p.subjectId,
      deptId: r.p.sourceDeptId,
      enteredBy: r.p.createdBy,
      isPublic: r.isPublic,
      label: `行政处罚 ${r.p.decisionNo}（${r.dept}，${r.p.decisionDate}）`,
      values: r.p,
      effectiveFrom: r.p.decisionDate,
    };
  }
  if (type === "licence") {
    const [r] = await tx
      .select({ l: licences, dept: departments.name, isPublic: sql<boolean>`${licenceIsPublic(today)}` })
      .from(licences)
      .innerJoin(departments, eq(departments.id, licences.authorityDeptId))
      .where(eq(licences.id, id));
    if (!r) return null;
    return {
      subjectId: r.l.subjectId,
      deptId: r.l.sourceDeptId,
      enteredBy: r.l.createdBy,
      isPublic: r.isPublic,
      label: `行政许可 ${r.l.decisionNo}（${r.dept}，${r.l.decisionDate}）`,
      values: r.l,
      effectiveFrom: r.l.validFrom,
    };
  }
  const [r] = await tx
    .select({ e: listEntries, list: creditLists.name, isPublic: sql<boolean>`${listEntryIsPublic(today)}` })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .where(eq(listEntries.id, id));
  if (!r) return null;
  return {
    subjectId: r.e.subjectId,
    deptId: r.e.deptId,
    enteredBy: r.e.createdBy,
    isPublic: r.isPublic,
    label: `列入${r.list}（${r.e.decisionNo ?? r.e.caseNo}）`,
    values: r.e,
    effectiveFrom: r.e.validFrom ?? r.e.decisionDate ?? today,
  };
}

/** The record an objection form is about, as the public sees it; null when it is not (or no longer) displayed. */
export async function getObjectionTarget(type: ObjectionTarget, id: number, today: IsoDate) {
  const db = await getDb();
  const record = await loadObjectionRecord(db, type, id, today);
  if (!record?.isPublic) return null;
  const [s] = await db.select().from(subjects).where(eq(subjects.id, record.subjectId));
  if (!s) return null;
  return {
    label: record.label,
    subject: publicSubjectRef(s),
    underVerification: record.values.underVerification === true,
  };
}

export type ObjectionTracking = {
  caseNo: string;
  state: string;
  stateLabel: string;
  final: boolean;
  record: string;
  submittedOn: string;
  due: DeadlineStanding | null;
  closedOn: string | null;
  outcomeReason: string | null;
  correction: string | null;
  history: { id: number; at: Date; label: string; note: string | null }[];
};

/**
 * DOMAIN §8 "the objector sees the outcome by case number": the case for its number and secret together. An
 * unknown number and a wrong secret both give null, compared in constant time, so neither can be told apart.
 */
export async function trackObjection(
  caseNo: string,
  secretHash: string,
  today: IsoDate,
): Promise<ObjectionTracking | null> {
  const db = await getDb();
  const [c] = await db.select().from(objections).where(eq(objections.caseNo, caseNo));
  if (!c || !trackingSecretMatches(c.secretHash, secretHash)) return null;
  const [record, events, cal] = await Promise.all([
    loadObjectionRecord(db, c.targetType as ObjectionTarget, c.targetId, today),
    db.select().from(caseEvents).where(eq(caseEvents.objectionId, c.id)).orderBy(asc(caseEvents.id)),
    getCalendar(db),
  ]);
  const final = objectionMachine.final.includes(c.status);
  return {
    caseNo: c.caseNo,
    state: c.status,
    stateLabel: objectionMachine.labels[c.status],
    final,
    record: record?.label ?? "（记录已不存在）",
    submittedOn: c.submittedOn,
    due: final ? null : standing(cal, c.answerDueOn, today),
    closedOn: c.closedOn,
    outcomeReason: c.outcomeReason,
    correction: c.correction,
    history: events.map((e) => ({
      id: e.id,
      at: e.at,
      label:
        e.toStatus === "joined"
          ? "补充异议"
          : (objectionMachine.labels[e.toStatus as keyof typeof objectionMachine.labels] ?? e.toStatus),
      // the objector reads the answer; a supplement's own text is theirs already
      note: e.toStatus === "joined" ? null : e.note,
    })),
  };
}

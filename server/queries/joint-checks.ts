import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { creditLists, departments, jointChecks, listEntries, measures, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { database, getDb } from "../db";

export async function listMeasures() {
  const db = await getDb();
  return db.select().from(measures).orderBy(asc(measures.code));
}

/** A department's checks, newest first, with whether feedback is given or overdue. */
export async function listChecks({ deptId, page }: { deptId: number | null; page: number }) {
  const db = await getDb();
  const size = 20;
  const where = deptId === null ? undefined : eq(jointChecks.deptId, deptId);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: jointChecks.id,
        checkNo: jointChecks.checkNo,
        dept: departments.shortName,
        deptId: jointChecks.deptId,
        subject: subjects.name,
        uscc: subjects.uscc,
        matter: jointChecks.matter,
        hits: jointChecks.hits,
        hitCount: jointChecks.hitCount,
        checkedOn: jointChecks.checkedOn,
        feedbackDueOn: jointChecks.feedbackDueOn,
        feedbackAt: jointChecks.feedbackAt,
        applied: jointChecks.applied,
        feedbackNote: jointChecks.feedbackNote,
        viaKey: jointChecks.keyId,
      })
      .from(jointChecks)
      .innerJoin(departments, eq(departments.id, jointChecks.deptId))
      .innerJoin(subjects, eq(subjects.id, jointChecks.subjectId))
      .where(where)
      .orderBy(desc(jointChecks.id))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ n: count() }).from(jointChecks).where(where),
  ]);
  return { rows, pageCount: Math.ceil((total?.n ?? 0) / size) };
}

/**
 * 成效统计 (issue 23 §1): per department and per measure — checks, hits, feedback given, and feedback still missing
 * after its 10 working days.
 */
export async function checkStatistics({ today }: { today: IsoDate }) {
  const h = await database();
  const [byDept, byMeasure] = await Promise.all([
    h.exec(
      `SELECT d.id, d.short_name AS dept, count(*)::int AS checks,
              count(*) FILTER (WHERE c.hit_count > 0)::int AS hits,
              count(*) FILTER (WHERE c.hit_count > 0 AND c.feedback_at IS NOT NULL)::int AS feedback,
              count(*) FILTER (WHERE c.hit_count > 0 AND c.feedback_at IS NULL AND c.feedback_due_on < $1::date)::int AS missing
         FROM joint_checks c JOIN departments d ON d.id = c.dept_id
        GROUP BY d.id, d.short_name, d.code ORDER BY checks DESC, d.code`,
      [today],
    ),
    h.exec(
      `SELECT m.id, m.code, m.content, m.effect::text, m.matter::text, m.list_kind::text,
              count(c.id)::int AS hits,
              count(c.id) FILTER (WHERE c.feedback_at IS NOT NULL)::int AS feedback,
              count(c.id) FILTER (WHERE m.id = ANY(c.applied))::int AS applied,
              count(c.id) FILTER (WHERE c.feedback_at IS NULL AND c.feedback_due_on < $1::date)::int AS missing
         FROM measures m
         LEFT JOIN joint_checks c ON c.hits @> jsonb_build_array(jsonb_build_object('measureId', m.id))
        GROUP BY m.id ORDER BY hits DESC, m.code`,
      [today],
    ),
  ]);
  return {
    byDept: byDept.map((r) => ({
      deptId: Number(r.id),
      dept: String(r.dept),
      checks: Number(r.checks),
      hits: Number(r.hits),
      feedback: Number(r.feedback),
      missing: Number(r.missing),
    })),
    byMeasure: byMeasure.map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      content: String(r.content),
      effect: String(r.effect),
      matter: String(r.matter),
      listKind: String(r.list_kind),
      hits: Number(r.hits),
      feedback: Number(r.feedback),
      applied: Number(r.applied),
      missing: Number(r.missing),
    })),
  };
}

/** One check as its department reads it (another department's is not found): the answer as given, and its feedback. */
export async function getCheck({ id, deptId }: { id: number; deptId: number | null }) {
  const db = await getDb();
  const [c] = await db
    .select({ c: jointChecks, subject: subjects.name, uscc: subjects.uscc, dept: departments.name })
    .from(jointChecks)
    .innerJoin(subjects, eq(subjects.id, jointChecks.subjectId))
    .innerJoin(departments, eq(departments.id, jointChecks.deptId))
    .where(eq(jointChecks.id, id));
  if (!c || c.c.deptId !== deptId) return null;
  const ids = c.c.hits.map((h) => h.measureId);
  const ms = ids.length ? await db.select().from(measures).where(inArray(measures.id, ids)) : [];
  const entryIds = c.c.hits.map((h) => h.entryId);
  const entries = entryIds.length
    ? await db
        .select({
          id: listEntries.id,
          list: creditLists.name,
          decisionNo: listEntries.decisionNo,
          validUntil: listEntries.validUntil,
        })
        .from(listEntries)
        .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
        .where(inArray(listEntries.id, entryIds))
    : [];
  return {
    ...c.c,
    subject: c.subject,
    uscc: c.uscc,
    dept: c.dept,
    measures: c.c.hits.map((h) => ({
      ...h,
      measure: ms.find((m) => m.id === h.measureId) ?? null,
      entry: entries.find((e) => e.id === h.entryId) ?? null,
    })),
  };
}

/** Checks that hit a measure and still await feedback due on or before `dueBy` (overdue ones included). */
export async function checksAwaitingFeedback({ dueBy }: { dueBy: IsoDate }) {
  const db = await getDb();
  return db
    .select({
      id: jointChecks.id,
      checkNo: jointChecks.checkNo,
      deptId: jointChecks.deptId,
      userId: jointChecks.userId,
      due: jointChecks.feedbackDueOn,
      subject: subjects.name,
    })
    .from(jointChecks)
    .innerJoin(subjects, eq(subjects.id, jointChecks.subjectId))
    .where(
      and(gt(jointChecks.hitCount, 0), isNull(jointChecks.feedbackAt), lte(jointChecks.feedbackDueOn, dueBy)),
    )
    .orderBy(asc(jointChecks.feedbackDueOn));
}

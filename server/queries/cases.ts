import "server-only";
import { recordScope, type ScopeUser } from "@/lib/access/scope";
import type { IsoDate } from "@/lib/calendar/dates";
import { standing } from "@/lib/workflows/deadlines";
import { CASE_KIND, CASE_KINDS, type CaseKind } from "@/lib/workflows/kinds";
import { getCalendar } from "../calendar";
import { database, getDb } from "../db";
import { scopeCondition } from "./scope-sql";

export { CASE_KINDS, type CaseKind } from "@/lib/workflows/kinds";

/** How each kind's queue reads from its table (issue 11 §5, objections of issue 14 §1): the kind's read model. */
export const QUEUES: Record<
  CaseKind,
  {
    from: string;
    title: string;
    state: string;
    due: string;
    where: string;
    /** its case number, and for a case anyone files: the contact left, and what it is about (its messages) */
    caseNo: string;
    contact?: string;
    about?: string;
  }
> = {
  repairs: {
    from: "repair_cases c",
    title: "c.case_no",
    state: "c.status::text",
    due: "CASE c.status WHEN 'submitted' THEN c.accept_due_on WHEN 'accepted' THEN c.decide_due_on END",
    where: "TRUE",
    caseNo: "c.case_no",
  },
  commitments: {
    from: "commitments c",
    title: "c.title",
    state: "CASE WHEN c.status = 'approved' THEN c.fulfilment::text ELSE c.status::text END",
    due: "CASE WHEN c.status = 'submitted' THEN c.review_due_on END",
    // a 信用修复型 commitment is decided with its repair case, not in this queue
    where: "c.type <> 'repair'",
    caseNo: "'CN' || to_char(c.signed_on, 'YYYYMMDD') || lpad(c.id::text, 6, '0')",
  },
  "self-reports": {
    from: "self_reports c",
    title: "c.title",
    state: "c.status::text",
    due: "CASE WHEN c.status = 'submitted' THEN c.verify_due_on END",
    where: "TRUE",
    caseNo: "c.case_no",
  },
  objections: {
    from: "objections c",
    title: "c.case_no",
    state: "c.status::text",
    due: "CASE WHEN c.status IN ('submitted', 'verifying') THEN c.answer_due_on END",
    where: "TRUE",
    caseNo: "c.case_no",
    contact: "c.contact",
    about: `CASE c.target_type
      WHEN 'penalty' THEN '行政处罚 ' || (SELECT decision_no FROM penalties WHERE id = c.target_id)
      WHEN 'licence' THEN '行政许可 ' || (SELECT decision_no FROM licences WHERE id = c.target_id)
      ELSE '名单 ' || (SELECT case_no FROM list_entries WHERE id = c.target_id) END`,
  },
  tipoffs: {
    from: "tipoffs c",
    title: "c.case_no",
    state: "c.status::text",
    due: "CASE WHEN c.status IN ('submitted', 'accepted') THEN c.answer_due_on END",
    where: "TRUE",
    caseNo: "c.case_no",
    contact: "c.contact",
  },
};

export type CaseQueueFilters = {
  state?: string;
  /** only cases due on or before this day (overdue ones included) */
  dueBy?: IsoDate;
  deptId?: number;
  /** the subject's region: a city or county code */
  region?: string;
  page: number;
};

export type CaseQueueRow = {
  id: number;
  title: string;
  subjectName: string;
  uscc: string | null;
  dept: string;
  state: string;
  submittedOn: string;
  due: { due: IsoDate; overdue: boolean; workingDaysLeft: number } | null;
};

/**
 * A reviewer's queue (issue 11 §5): the cases of the actor's scope — their department, or a supervisor's
 * region — open ones first by deadline, each with its working days left.
 */
export async function listCaseQueue({
  actor,
  kind,
  filters,
  today,
}: {
  actor: ScopeUser;
  kind: CaseKind;
  filters: CaseQueueFilters;
  today: IsoDate;
}): Promise<{ rows: CaseQueueRow[]; total: number }> {
  const q = QUEUES[kind];
  const h = await database();
  const scope = scopeCondition(recordScope(actor), "c.dept_id", 1);
  const params: unknown[] = [...scope.params];
  const where = [q.where, scope.sql];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(cond(`$${params.length}`));
  };
  if (filters.state) add((p) => `${q.state} = ${p}`, filters.state);
  if (filters.dueBy) add((p) => `(${q.due}) <= ${p}::date`, filters.dueBy);
  if (filters.deptId) add((p) => `c.dept_id = ${p}`, filters.deptId);
  if (filters.region) add((p) => `s.region_code LIKE ${p} || '%'`, filters.region.replace(/0+$/, ""));
  const size = 20;
  const base = `FROM ${q.from} JOIN subjects s ON s.id = c.subject_id JOIN departments d ON d.id = c.dept_id WHERE ${where.join(" AND ")}`;
  const [rows, count] = await Promise.all([
    h.exec(
      `SELECT c.id, ${q.title} AS title, s.name AS subject_name, s.uscc, d.short_name AS dept, ${q.state} AS state,
              c.submitted_on::text AS submitted_on, (${q.due})::text AS due
       ${base} ORDER BY (${q.due}) IS NULL, (${q.due}), c.id DESC LIMIT ${size} OFFSET ${(filters.page - 1) * size}`,
      params,
    ),
    h.exec(`SELECT count(*)::int AS n ${base}`, params),
  ]);
  const cal = await getCalendar(await getDb());
  return {
    total: Number(count[0]?.n ?? 0),
    rows: rows.map((r) => ({
      id: Number(r.id),
      title: String(r.title),
      subjectName: String(r.subject_name),
      uscc: (r.uscc as string | null) ?? null,
      dept: String(r.dept),
      state: String(r.state),
      submittedOn: String(r.submitted_on),
      due: r.due ? standing(cal, String(r.due), today) : null,
    })),
  };
}

export type DueCase = { kind: CaseKind; id: number; title: string; deptId: number; due: IsoDate };

/**
 * Every case waiting for a reviewer whose deadline falls on or before `dueBy` (overdue ones included), across
 * departments: what the reviewers' daily digest lists (issue 22 §4).
 */
export async function casesDueBy({ dueBy }: { dueBy: IsoDate }): Promise<DueCase[]> {
  const h = await database();
  const parts = CASE_KINDS.map((kind) => {
    const q = QUEUES[kind];
    const waiting = CASE_KIND[kind].waiting.map((s) => `'${s}'`).join(", ");
    return `SELECT '${kind}' AS kind, c.id, ${q.title} AS title, c.dept_id, (${q.due})::text AS due
      FROM ${q.from} WHERE ${q.state} IN (${waiting}) AND ${q.where} AND (${q.due}) <= $1::date`;
  });
  const rows = await h.exec(`${parts.join("\nUNION ALL\n")} ORDER BY due, kind, id`, [dueBy]);
  return rows.map((r) => ({
    kind: r.kind as CaseKind,
    id: Number(r.id),
    title: String(r.title),
    deptId: Number(r.dept_id),
    due: String(r.due),
  }));
}

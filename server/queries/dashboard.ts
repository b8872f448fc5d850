import "server-only";
import { type RecordScope, recordScope, type ScopeUser } from "@/lib/access/scope";
import { firstDayOfLastMonths, type IsoDate, lastMonths } from "@/lib/calendar/dates";
import { NAME_REVIEW_INITIAL } from "@/lib/workflows/name-review";
import { database } from "../db";
import { scopeCondition } from "./scope-sql";

export type Dashboard = {
  /** whose figures these are: one department's, or a region's (with charts by department and city) */
  scope: RecordScope["kind"];
  totals: { penalties: number; licences: number; acts: number; withdrawn: number };
  byMonth: { month: string; penalties: number; licences: number }[];
  byDepartment: { name: string; penalties: number; licences: number }[];
  byRegion: { name: string; penalties: number; licences: number }[];
  /** the province's own departments (not in any city), shown apart from the cities */
  provincial: { penalties: number; licences: number } | null;
  backlog: {
    repairs: number;
    repairsOverdue: number;
    commitments: number;
    commitmentsOverdue: number;
    selfReports: number;
    selfReportsOverdue: number;
    objections: number;
    objectionsOverdue: number;
    nameReviews: number;
  };
};

/** The console's overview for one scope: counts by month, department and region, and open cases. */
export async function getDashboard({
  actor,
  today,
}: {
  actor: ScopeUser;
  today: IsoDate;
}): Promise<Dashboard> {
  const scope = recordScope(actor);
  const h = await database();
  const s1 = scopeCondition(scope, "source_dept_id", 1);
  const s = scopeCondition(scope, "source_dept_id", 2);
  const c = scopeCondition(scope, "dept_id", 2);
  const n = scopeCondition(scope, "department_id", 2 + c.params.length);
  const since = firstDayOfLastMonths(today, 12);
  const q = (text: string, params: unknown[]) => h.exec(text, params);
  const num = (v: unknown) => Number(v ?? 0);
  const [totals, months, depts, regions, backlog] = await Promise.all([
    q(
      `SELECT (SELECT count(*) FROM penalties WHERE status = 'active' AND ${s1.sql}) AS penalties,
              (SELECT count(*) FROM licences WHERE status = 'active' AND ${s1.sql}) AS licences,
              (SELECT count(*) FROM admin_acts WHERE status = 'active' AND ${s1.sql}) AS acts,
              (SELECT count(*) FROM penalties WHERE status = 'withdrawn' AND ${s1.sql})
            + (SELECT count(*) FROM licences WHERE status = 'withdrawn' AND ${s1.sql}) AS withdrawn`,
      s1.params,
    ),
    q(
      `SELECT m, sum(p)::int AS penalties, sum(l)::int AS licences FROM (
         SELECT to_char(decision_date, 'YYYY-MM') AS m, 1 AS p, 0 AS l FROM penalties
          WHERE status = 'active' AND decision_date >= $1::date AND ${s.sql}
         UNION ALL
         SELECT to_char(decision_date, 'YYYY-MM'), 0, 1 FROM licences
          WHERE status = 'active' AND decision_date >= $1::date AND ${s.sql}) x
       GROUP BY m ORDER BY m`,
      [since, ...s.params],
    ),
    q(
      `SELECT d.short_name AS name, coalesce(p.n, 0)::int AS penalties, coalesce(l.n, 0)::int AS licences
         FROM departments d
         LEFT JOIN (SELECT source_dept_id, count(*) n FROM penalties WHERE status = 'active' AND decision_date >= $1::date AND ${s.sql} GROUP BY 1) p ON p.source_dept_id = d.id
         LEFT JOIN (SELECT source_dept_id, count(*) n FROM licences WHERE status = 'active' AND decision_date >= $1::date AND ${s.sql} GROUP BY 1) l ON l.source_dept_id = d.id
        WHERE coalesce(p.n, 0) + coalesce(l.n, 0) > 0
        ORDER BY coalesce(p.n, 0) + coalesce(l.n, 0) DESC LIMIT 12`,
      [since, ...s.params],
    ),
    q(
      `SELECT r.code, r.name, sum(coalesce(p.n, 0))::int AS penalties, sum(coalesce(l.n, 0))::int AS licences
         FROM departments d
         LEFT JOIN regions r ON r.level = 'city' AND r.code = left(d.region_code, 4) || '00'
         LEFT JOIN (SELECT source_dept_id, count(*) n FROM penalties WHERE status = 'active' AND decision_date >= $1::date AND ${s.sql} GROUP BY 1) p ON p.source_dept_id = d.id
         LEFT JOIN (SELECT source_dept_id, count(*) n FROM licences WHERE status = 'active' AND decision_date >= $1::date AND ${s.sql} GROUP BY 1) l ON l.source_dept_id = d.id
        GROUP BY r.code, r.name HAVING sum(coalesce(p.n, 0) + coalesce(l.n, 0)) > 0 ORDER BY r.code NULLS FIRST`,
      [since, ...s.params],
    ),
    q(
      `SELECT (SELECT count(*) FROM repair_cases WHERE status IN ('submitted', 'accepted') AND ${c.sql}) AS repairs,
              (SELECT count(*) FROM repair_cases WHERE ((status = 'submitted' AND accept_due_on < $1::date)
                  OR (status = 'accepted' AND decide_due_on < $1::date)) AND ${c.sql}) AS repairs_overdue,
              (SELECT count(*) FROM commitments WHERE status = 'submitted' AND type <> 'repair' AND ${c.sql}) AS commitments,
              (SELECT count(*) FROM commitments WHERE status = 'submitted' AND type <> 'repair' AND review_due_on < $1::date AND ${c.sql}) AS commitments_overdue,
              (SELECT count(*) FROM self_reports WHERE status = 'submitted' AND ${c.sql}) AS self_reports,
              (SELECT count(*) FROM self_reports WHERE status = 'submitted' AND verify_due_on < $1::date AND ${c.sql}) AS self_reports_overdue,
              (SELECT count(*) FROM objections WHERE status IN ('submitted', 'verifying') AND ${c.sql}) AS objections,
              (SELECT count(*) FROM objections WHERE status IN ('submitted', 'verifying') AND answer_due_on < $1::date AND ${c.sql}) AS objections_overdue,
              (SELECT count(*) FROM subject_name_reviews WHERE status = $${2 + c.params.length + n.params.length}::name_review_status AND ${n.sql}) AS name_reviews`,
      [today, ...c.params, ...n.params, NAME_REVIEW_INITIAL],
    ),
  ]);
  const t = totals[0] ?? {};
  const b = backlog[0] ?? {};
  return {
    scope: scope.kind,
    totals: {
      penalties: num(t.penalties),
      licences: num(t.licences),
      acts: num(t.acts),
      withdrawn: num(t.withdrawn),
    },
    // every month of the window, a month without records included as zero
    byMonth: lastMonths(today, 12).map((month) => {
      const r = months.find((x) => String(x.m) === month);
      return { month, penalties: num(r?.penalties), licences: num(r?.licences) };
    }),
    byDepartment: depts.map((r) => ({
      name: String(r.name),
      penalties: num(r.penalties),
      licences: num(r.licences),
    })),
    // the cities in the chart; the province's own departments apart, under their own name (issue 10)
    byRegion: regions
      .filter((r) => r.code !== null)
      .map((r) => ({ name: String(r.name), penalties: num(r.penalties), licences: num(r.licences) })),
    provincial:
      regions
        .filter((r) => r.code === null)
        .map((r) => ({ penalties: num(r.penalties), licences: num(r.licences) }))[0] ?? null,
    backlog: {
      repairs: num(b.repairs),
      repairsOverdue: num(b.repairs_overdue),
      commitments: num(b.commitments),
      commitmentsOverdue: num(b.commitments_overdue),
      selfReports: num(b.self_reports),
      selfReportsOverdue: num(b.self_reports_overdue),
      objections: num(b.objections),
      objectionsOverdue: num(b.objections_overdue),
      nameReviews: num(b.name_reviews),
    },
  };
}

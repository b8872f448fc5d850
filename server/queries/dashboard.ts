import "server-only";
import { type RecordScope, recordScope, type ScopeUser } from "@/lib/access/scope";
import { firstDayOfLastMonths, type IsoDate, lastMonths } from "@/lib/calendar/dates";
import { CASE_KIND, CASE_KINDS, type CaseKind } from "@/lib/workflows/kinds";
import { NAME_REVIEW_INITIAL } from "@/lib/workflows/name-review";
import { database } from "../db";
import { QUEUES } from "./cases";
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
  /** each case kind's cases waiting for a reviewer (the registry's `waiting` states), and those past their deadline */
  backlog: { kind: CaseKind; label: string; open: number; overdue: number }[];
  nameReviews: number;
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
  const c = scopeCondition(scope, "c.dept_id", 2);
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
      `SELECT ${CASE_KINDS.map((k, i) => {
        const q = QUEUES[k];
        // the registry's own state names, never user input
        const waiting = `${q.state} IN (${CASE_KIND[k].waiting.map((s) => `'${s}'`).join(", ")}) AND ${q.where} AND ${c.sql}`;
        return `(SELECT count(*) FROM ${q.from} WHERE ${waiting}) AS open_${i},
                (SELECT count(*) FROM ${q.from} WHERE ${waiting} AND (${q.due}) < $1::date) AS overdue_${i},`;
      }).join("\n")}
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
    backlog: CASE_KINDS.map((kind, i) => ({
      kind,
      label: CASE_KIND[kind].backlog,
      open: num(b[`open_${i}`]),
      overdue: num(b[`overdue_${i}`]),
    })),
    nameReviews: num(b.name_reviews),
  };
}

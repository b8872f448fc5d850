import "server-only";
import { type IsoDate, lastMonths } from "@/lib/calendar/dates";
import { LIST_KIND_LABELS } from "@/lib/web/navigation";
import { memo } from "../memo";
import { publicDatabase } from "../reads";
import {
  commitmentIsPublicSql,
  licenceIsPublicSql,
  listEntryIsPublicSql,
  penaltyIsPublicSql,
} from "./publicity";

/**
 * Issue 13 §4: the province's public figures. Every count uses the same publicity rules as the open data
 * (server/queries/exports.ts), so a figure here equals the rows of the matching CSV on the same day.
 * A city code narrows every figure to the subjects registered in that city, for /regions/{code}.
 */
export type Table = { columns: string[]; rows: (string | number)[][] };
export type Statistics = {
  asOf: IsoDate;
  totals: { penalties: number; licences: number; listed: number; commitments: number };
  byDepartment: Table;
  byCity: Table;
  byMonth: Table;
  lists: Table;
  listFlows: Table;
  repairs: Table;
  objections: Table;
  commitments: Table;
};

const REPAIR = {
  submitted: "待受理",
  accepted: "办理中",
  not_accepted: "不予受理",
  approved: "准予修复",
  denied: "不予修复",
};
const OBJECTION = {
  submitted: "已提交",
  verifying: "核实中",
  corrected: "更正",
  revoked: "撤销",
  upheld: "维持",
};
const COMMITMENT_TYPE = {
  approval_substitute: "审批替代型",
  tolerance: "容缺受理型",
  self_discipline: "行业自律型",
  voluntary: "主动型",
};
const FULFIL = { in_progress: "履约中", fulfilled: "已履约", breached: "违诺" };

export function getStatistics(today: IsoDate, cityCode?: string): Promise<Statistics> {
  return memo(`statistics:${today}:${cityCode ?? ""}`, 60_000, () => load(today, cityCode));
}

async function load(today: IsoDate, cityCode?: string): Promise<Statistics> {
  const { exec } = await publicDatabase();
  const city = cityCode ? cityCode.slice(0, 4) : null;
  // one city: the records, lists and cases about subjects registered there, whichever department made them
  const inCity = (alias: string) =>
    city
      ? `AND ${alias}.subject_id IN (SELECT id FROM subjects WHERE region_code LIKE '${city.replace(/\D/g, "")}%')`
      : "";
  const months = lastMonths(today, 12);
  const from = `${months[0]}-01`;
  const [depts, monthly, lists, flows, repairs, objections, commitments] = await Promise.all([
    exec(
      `SELECT d.name, coalesce(r.name, '省直部门') AS city, left(d.region_code, 4) AS city4, d.level::text AS level,
         (SELECT count(*) FROM penalties p WHERE p.authority_dept_id = d.id AND ${penaltyIsPublicSql("p", "$1")} ${inCity("p")})::int AS penalties,
         (SELECT count(*) FROM licences l WHERE l.authority_dept_id = d.id AND ${licenceIsPublicSql("l", "$1")} ${inCity("l")})::int AS licences
       FROM departments d LEFT JOIN regions r ON r.code = left(d.region_code, 4) || '00' AND d.level <> 'province'
       ORDER BY d.id`,
      [today],
    ),
    exec(
      `SELECT m, sum(p)::int AS penalties, sum(l)::int AS licences FROM (
         SELECT to_char(p.decision_date, 'YYYY-MM') AS m, 1 AS p, 0 AS l FROM penalties p
          WHERE ${penaltyIsPublicSql("p", "$1")} AND p.decision_date >= $2 ${inCity("p")}
         UNION ALL
         SELECT to_char(l.decision_date, 'YYYY-MM'), 0, 1 FROM licences l
          WHERE ${licenceIsPublicSql("l", "$1")} AND l.decision_date >= $2 ${inCity("l")}) x GROUP BY m`,
      [today, from],
    ),
    exec(
      `SELECT e.kind::text AS kind, count(*)::int AS n FROM list_entries e
       WHERE ${listEntryIsPublicSql("e", "$1")} ${inCity("e")} GROUP BY e.kind`,
      [today],
    ),
    exec(
      `SELECT to_char(v.on, 'YYYY-MM') AS m, count(*) FILTER (WHERE v.step = 'published')::int AS listed,
              count(*) FILTER (WHERE v.step = 'removed')::int AS removed
       FROM list_entry_events v JOIN list_entries e ON e.id = v.entry_id
       WHERE v.on >= $1 AND v.on <= $2 AND v.step IN ('published', 'removed') ${inCity("e")} GROUP BY 1`,
      [from, today],
    ),
    exec(
      `SELECT c.status::text AS status, count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY c.decided_on - c.submitted_on)
                FILTER (WHERE c.decided_on IS NOT NULL) AS median_days
       FROM repair_cases c WHERE TRUE ${inCity("c")} GROUP BY c.status`,
    ),
    exec(
      `SELECT o.status::text AS status, count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY o.closed_on - o.submitted_on)
                FILTER (WHERE o.closed_on IS NOT NULL) AS median_days
       FROM objections o WHERE TRUE ${inCity("o")} GROUP BY o.status`,
    ),
    exec(
      `SELECT c.type::text AS type, c.fulfilment::text AS fulfilment, count(*)::int AS n
       FROM commitments c WHERE ${commitmentIsPublicSql("c", "$1")} ${inCity("c")}
       GROUP BY 1, 2`,
      [today],
    ),
  ]);
  const num = (v: unknown) => Number(v ?? 0);
  const cityRows = new Map<string, [string, number, number]>();
  for (const d of depts) {
    const key = d.level === "province" ? "province" : String(d.city4);
    const row = cityRows.get(key) ?? [String(d.city), 0, 0];
    row[1] += num(d.penalties);
    row[2] += num(d.licences);
    cityRows.set(key, row);
  }
  const byMonth = new Map(monthly.map((m) => [String(m.m), m]));
  const byFlow = new Map(flows.map((m) => [String(m.m), m]));
  const listN = new Map(lists.map((l) => [String(l.kind), num(l.n)]));
  const stat = (rows: Record<string, unknown>[], labels: Record<string, string>) =>
    Object.entries(labels).map(([k, label]) => {
      const r = rows.find((x) => x.status === k);
      const med = r?.median_days;
      return [label, num(r?.n), med === null || med === undefined ? "—" : Math.round(Number(med) * 10) / 10];
    });
  const count = (rows: { n?: unknown }[]) => rows.reduce((s, r) => s + num(r.n), 0);
  return {
    asOf: today,
    totals: {
      penalties: depts.reduce((s, d) => s + num(d.penalties), 0),
      licences: depts.reduce((s, d) => s + num(d.licences), 0),
      listed: count(lists),
      commitments: count(commitments),
    },
    byDepartment: {
      columns: ["部门", "行政处罚", "行政许可"],
      // a city's view lists only the departments with records about its subjects
      rows: depts
        .filter((d) => !city || num(d.penalties) + num(d.licences) > 0)
        .map((d) => [String(d.name), num(d.penalties), num(d.licences)]),
    },
    byCity: { columns: ["地区", "行政处罚", "行政许可"], rows: [...cityRows.values()] },
    byMonth: {
      columns: ["月份", "行政处罚", "行政许可"],
      rows: months.map((m) => [m, num(byMonth.get(m)?.penalties), num(byMonth.get(m)?.licences)]),
    },
    lists: {
      columns: ["名单", "公示中"],
      rows: Object.entries(LIST_KIND_LABELS).map(([k, label]) => [label, listN.get(k) ?? 0]),
    },
    listFlows: {
      columns: ["月份", "列入", "移出"],
      rows: months.map((m) => [m, num(byFlow.get(m)?.listed), num(byFlow.get(m)?.removed)]),
    },
    repairs: { columns: ["办理结果", "件数", "办理天数（中位数）"], rows: stat(repairs, REPAIR) },
    objections: { columns: ["处理结果", "件数", "办理天数（中位数）"], rows: stat(objections, OBJECTION) },
    commitments: {
      columns: ["承诺类型", ...Object.values(FULFIL)],
      rows: Object.entries(COMMITMENT_TYPE).map(([t, label]) => [
        label,
        ...Object.keys(FULFIL).map((f) =>
          num(commitments.find((c) => c.type === t && c.fulfilment === f)?.n),
        ),
      ]),
    },
  };
}

export const STATISTICS_SECTIONS = {
  departments: ["byDepartment", "各部门公示中的行政处罚与行政许可"],
  cities: ["byCity", "各设区市部门公示中的行政处罚与行政许可"],
  months: ["byMonth", "近 12 个月作出的行政处罚与行政许可（公示中）"],
  lists: ["lists", "各类名单公示中的主体数"],
  "list-flows": ["listFlows", "近 12 个月名单列入与移出"],
  repairs: ["repairs", "信用修复办理结果与用时"],
  objections: ["objections", "异议处理结果与用时"],
  commitments: ["commitments", "公示中的信用承诺（按类型与履约情况）"],
} as const satisfies Record<string, [keyof Statistics, string]>;
export type StatisticsSection = keyof typeof STATISTICS_SECTIONS;

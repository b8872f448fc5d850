import "server-only";
import { firstDayOfLastMonths, type IsoDate, lastMonths } from "@/lib/calendar/dates";
import { onlineDeadline, share } from "@/lib/platform/quality";
import { getCalendar } from "../calendar";
import { database, getDb } from "../db";

/**
 * The SQL of lib/platform/quality, over 双公示 records as each department put them online (created_at, China time).
 * `due` maps each decision date to its last timely day (7 working days, computed in lib from the calendar).
 */
const RECORDS = `
  SELECT 'penalty' AS kind, p.id, p.source_dept_id AS dept_id, p.subject_id, p.decision_no, p.decision_date,
         (p.created_at AT TIME ZONE 'Asia/Shanghai')::date AS online_on, p.counterpart_category::text AS category,
         p.legal_representative, ('罚款' = ANY(p.penalty_types::text[]) AND p.fine_amount IS NULL) AS no_fine,
         NULL::date AS valid_from, NULL::date AS valid_to
    FROM penalties p
  UNION ALL
  SELECT 'licence', l.id, l.source_dept_id, l.subject_id, l.decision_no, l.decision_date,
         (l.created_at AT TIME ZONE 'Asia/Shanghai')::date, l.counterpart_category::text, l.legal_representative,
         false, l.valid_from, l.valid_to
    FROM licences l`;

/** One flag per figure, as lib missingFields / invalidValues / usccFault define them. */
const FLAGS = `
  r.online_on <= due.last AS timely,
  NOT ((r.category = 'legal_entity' AND coalesce(btrim(r.legal_representative), '') = '') OR r.no_fine) AS complete,
  NOT (r.decision_date > r.online_on OR (r.valid_to IS NOT NULL AND r.valid_to < r.valid_from)) AS valid,
  (s.uscc IS NOT NULL AND (NOT uscc_valid(s.uscc) OR EXISTS (
     SELECT 1 FROM subjects o WHERE o.name = s.name AND o.uscc IS NOT NULL AND o.uscc <> s.uscc))) AS uscc_fault`;

async function dueDates(from: IsoDate): Promise<{ dates: string[]; last: string[] }> {
  const h = await database();
  const rows = await h.exec(
    `SELECT DISTINCT decision_date::text AS d FROM (${RECORDS}) r WHERE r.online_on >= $1::date`,
    [from],
  );
  const cal = await getCalendar(await getDb());
  const dates = rows.map((r) => String(r.d));
  return { dates, last: dates.map((d) => onlineDeadline(cal, d)) };
}

// the dates go as text[]: drizzle's postgres-js driver sends date[] parameters unserialized (it keeps dates as text)
const FROM = `FROM (${RECORDS}) r
  JOIN unnest($2::text[]::date[], $3::text[]::date[]) AS due(decided, last) ON due.decided = r.decision_date
  JOIN subjects s ON s.id = r.subject_id`;

export type QualityCell = {
  deptId: number;
  dept: string;
  month: string;
  total: number;
  timely: number;
  complete: number;
  valid: number;
  usccFaults: number;
};

/**
 * The data-quality board (issue 23 §4): per department and month of going online, the records supplied and how
 * many were timely, complete and valid, and how many cite a subject whose code is wrong or duplicated.
 */
export async function qualityBoard({ today, months = 6 }: { today: IsoDate; months?: number }) {
  const from = firstDayOfLastMonths(today, months);
  const { dates, last } = await dueDates(from);
  const h = await database();
  const rows = await h.exec(
    `SELECT r.dept_id, d.short_name AS dept, to_char(r.online_on, 'YYYY-MM') AS month, count(*)::int AS total,
            count(*) FILTER (WHERE timely)::int AS timely, count(*) FILTER (WHERE complete)::int AS complete,
            count(*) FILTER (WHERE valid)::int AS valid, count(*) FILTER (WHERE uscc_fault)::int AS uscc_faults
       FROM (SELECT r.dept_id, r.online_on, ${FLAGS} ${FROM} WHERE r.online_on >= $1::date) r
       JOIN departments d ON d.id = r.dept_id
      GROUP BY r.dept_id, d.short_name, d.code, month ORDER BY month DESC, d.code`,
    [from, dates, last],
  );
  const cells: QualityCell[] = rows.map((r) => ({
    deptId: Number(r.dept_id),
    dept: String(r.dept),
    month: String(r.month),
    total: Number(r.total),
    timely: Number(r.timely),
    complete: Number(r.complete),
    valid: Number(r.valid),
    usccFaults: Number(r.uscc_faults),
  }));
  return { months: lastMonths(today, months), cells, uscc: await usccRate() };
}

/** The province's 重错码率 over every code in the subject library: wrong check character, or one name with two codes. */
export async function usccRate() {
  const h = await database();
  const [r] = await h.exec(
    `SELECT count(*)::int AS codes,
            count(*) FILTER (WHERE NOT uscc_valid(s.uscc))::int AS errors,
            count(*) FILTER (WHERE uscc_valid(s.uscc) AND EXISTS (
              SELECT 1 FROM subjects o WHERE o.name = s.name AND o.uscc IS NOT NULL AND o.uscc <> s.uscc))::int AS duplicates
       FROM subjects s WHERE s.uscc IS NOT NULL`,
  );
  const codes = Number(r?.codes ?? 0);
  const errors = Number(r?.errors ?? 0);
  const duplicates = Number(r?.duplicates ?? 0);
  return { codes, errors, duplicates, rate: share(errors + duplicates, codes) };
}

export const QUALITY_FIGURES = {
  late: { label: "未按时上网", flag: "NOT timely" },
  incomplete: { label: "必填项缺失", flag: "NOT complete" },
  invalid: { label: "数据项无效", flag: "NOT valid" },
  uscc: { label: "主体代码错码、重码", flag: "uscc_fault" },
} as const;
export type QualityFigure = keyof typeof QUALITY_FIGURES;

/** The rows behind one figure of the board: one department, one month. */
export async function qualityRows({
  deptId,
  month,
  figure,
}: {
  deptId: number;
  month: string;
  figure: QualityFigure;
}) {
  const from = `${month}-01`;
  const { dates, last } = await dueDates(from);
  const h = await database();
  const rows = await h.exec(
    `SELECT * FROM (
       SELECT r.kind, r.id, r.decision_no, r.decision_date::text, r.online_on::text, due.last::text AS due,
              r.category, r.legal_representative, r.no_fine, r.valid_from::text, r.valid_to::text,
              s.name AS subject, s.uscc, ${FLAGS} ${FROM}
        WHERE r.online_on >= $1::date AND r.dept_id = $4 AND to_char(r.online_on, 'YYYY-MM') = $5) x
      WHERE ${QUALITY_FIGURES[figure].flag} ORDER BY online_on, id LIMIT 500`,
    [from, dates, last, deptId, month],
  );
  return rows.map((r) => ({
    kind: r.kind as "penalty" | "licence",
    id: Number(r.id),
    decisionNo: String(r.decision_no),
    decisionDate: String(r.decision_date),
    onlineOn: String(r.online_on),
    due: String(r.due),
    category: r.category as "legal_entity" | "natural_person" | "individual_business",
    legalRepresentative: (r.legal_representative as string | null) ?? null,
    noFine: Boolean(r.no_fine),
    validFrom: (r.valid_from as string | null) ?? null,
    validTo: (r.valid_to as string | null) ?? null,
    subject: String(r.subject),
    uscc: (r.uscc as string | null) ?? null,
  }));
}

/** The board's province-wide line for the public statistics page: the last 3 months together, and the USCC rate. */
export async function qualitySummary(today: IsoDate) {
  const b = await qualityBoard({ today, months: 3 });
  const sum = (k: "total" | "timely" | "complete" | "valid") => b.cells.reduce((n, c) => n + c[k], 0);
  const total = sum("total");
  return {
    from: b.months[0] ?? "",
    total,
    timely: share(sum("timely"), total),
    complete: share(sum("complete"), total),
    valid: share(sum("valid"), total),
    uscc: b.uscc,
  };
}

import { addDays, addMonths, type IsoDate } from "../../lib/calendar/dates";
import type { DbHandle } from "../client";

/**
 * A 严重失信 entry of department `deptId`, published `monthsAgo` months before `today` for 36 months, entered by
 * `createdBy` (tests of what ends an entry: repair, objection, the list page). Creates its list on first use.
 */
export async function publishedListEntry(
  db: Pick<DbHandle, "exec">,
  o: { subjectId: number; deptId: number; createdBy: number; today: IsoDate; monthsAgo: number; no: string },
): Promise<number> {
  await db.exec(
    `INSERT INTO credit_lists (kind, name, owner_dept_id, legal_basis, validity_months)
     VALUES ('serious_dishonesty', '测试严重失信主体名单', $1, '《测试办法》', 36) ON CONFLICT (name) DO NOTHING`,
    [o.deptId],
  );
  const decided = addMonths(o.today, -o.monthsAgo);
  const [r] = await db.exec(
    `INSERT INTO list_entries (list_id, kind, subject_id, status, case_no, dept_id, basis, facts, decision_date,
       decision_no, published_at, valid_from, valid_until, validity_months, created_by)
     SELECT id, 'serious_dishonesty', $1, 'published', $2, $3, '《测试办法》第六条', '拒不履行法定义务', $4, $5, now(), $4, $6, 36, $7
     FROM credit_lists WHERE name = '测试严重失信主体名单' RETURNING id`,
    [o.subjectId, `MD-${o.no}`, o.deptId, decided, o.no, addDays(addMonths(decided, 36), -1), o.createdBy],
  );
  return Number(r?.id);
}

import type { DbHandle } from "../../db/client";
import type { IsoDate } from "../../lib/calendar/dates";
import type { RecordChannel } from "../../lib/records/provenance";
import { seededAt } from "./instants";

/** How a generated record reached the platform, from its id: most by file, a quarter by API, the rest typed in. */
export function channelOf(id: number): RecordChannel {
  const h = (id * 40503) % 100;
  return h < 55 ? "import" : h < 80 ? "api" : "console";
}

/**
 * The public changes of records generated already repaired, withdrawn or removed (issue 25 §2): what the trigger
 * would have written had they been changed after receipt, dated as the process dates them. The bulk load
 * writes final states, so the trigger never saw them.
 */
export async function seedRecordChanges(db: DbHandle, anchor: IsoDate): Promise<void> {
  const now = `LEAST(now(), ($1::date + time '17:00') AT TIME ZONE 'Asia/Shanghai')`;
  await db.exec(
    `INSERT INTO record_changes (record_kind, record_id, at, action, channel, basis, fields)
     SELECT 'penalty', id, LEAST(${now}, (repaired_at + time '10:00') AT TIME ZONE 'Asia/Shanghai'), 'repaired', 'console', '信用修复', '[]'::jsonb
       FROM penalties WHERE status = 'repaired' AND repaired_at IS NOT NULL
     UNION ALL
     SELECT 'penalty', id, LEAST(${now}, created_at + interval '21 days'), 'withdrawn', 'console', '数据来源单位撤销', '[]'::jsonb
       FROM penalties WHERE status = 'withdrawn'
     UNION ALL
     SELECT 'list_entry', id, LEAST(${now}, (removed_on + time '10:00') AT TIME ZONE 'Asia/Shanghai'),
       CASE removal_reason WHEN 'repaired' THEN 'repaired' WHEN 'revoked' THEN 'withdrawn' ELSE 'removed' END, 'console',
       CASE removal_reason WHEN 'repaired' THEN '信用修复' WHEN 'revoked' THEN '撤销认定' ELSE '有效期届满' END, '[]'::jsonb
       FROM list_entries WHERE status = 'removed' AND published_at IS NOT NULL AND removed_on IS NOT NULL
     ORDER BY 3`,
    [anchor],
  );
}

/** A seeded case's change to its record, as its case dates and names it (the trigger wrote it at seeding time). */
export async function annotateLastChange(
  db: DbHandle,
  c: { kind: "penalty" | "licence" | "list_entry"; id: number; on: IsoDate; basis: string; caseNo: string },
): Promise<void> {
  await db.exec(
    `UPDATE record_changes SET at = $3, channel = 'console', basis = $4, case_no = $5
     WHERE id = (SELECT max(id) FROM record_changes WHERE record_kind = $1 AND record_id = $2)`,
    [c.kind, c.id, seededAt(c.on, "15:00"), c.basis, c.caseNo],
  );
}

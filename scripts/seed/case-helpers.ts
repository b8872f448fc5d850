import type { DbHandle } from "../../db/client";
import { addDays, type IsoDate } from "../../lib/calendar/dates";
import { workingCalendar } from "../../lib/calendar/working-days";
import { caseNumber } from "../../lib/workflows/case-number";
import { CALENDAR } from "./generate";
import { seededAt } from "./instants";

/** What every seeded case needs: working days back from the anchor, ids, case numbers and history rows. */
export function caseSeedHelpers(db: DbHandle, anchor: IsoDate) {
  const cal = workingCalendar(CALENDAR);
  const workdayBefore = (n: number) => {
    let d = anchor;
    for (let i = 0; i < n; ) {
      d = addDays(d, -1);
      if (cal.isWorkingDay(d)) i++;
    }
    return d;
  };
  const nextId = async (table: string) =>
    Number((await db.exec(`SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::int AS id`))[0]?.id);
  const caseNo = caseNumber;
  const event = (
    col: string,
    id: unknown,
    from: string | null,
    to: string,
    actor: unknown,
    on: IsoDate,
    note: string | null,
  ) =>
    db.exec(
      `INSERT INTO case_events (${col}, from_status, to_status, actor_id, note, at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, from, to, actor, note, seededAt(on)],
    );
  return { cal, workdayBefore, nextId, caseNo, event };
}

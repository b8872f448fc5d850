import "server-only";
import type { Db, Tx } from "@/db/client";
import { calendarDays } from "@/db/schema";
import { type WorkingCalendar, workingCalendar } from "@/lib/calendar/working-days";
import { forget, memo } from "./memo";

/**
 * The working-day calendar a sysadmin maintains (DOMAIN §7): holidays and 调休 workdays. Read at most once a
 * minute per process; every deadline of a case is counted with it.
 */
export function getCalendar(db: Db | Tx): Promise<WorkingCalendar> {
  return memo("calendar", 60_000, async () => {
    const rows = await db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
    return workingCalendar(rows);
  });
}

/** After an edit: the next deadline is counted with the edited calendar. */
export function forgetCalendar(): void {
  forget("calendar");
}

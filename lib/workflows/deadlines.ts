import type { IsoDate } from "../calendar/dates";
import type { WorkingCalendar } from "../calendar/working-days";

/**
 * A case's deadline and how it stands on a day (DOMAIN §7: deadlines count Chinese working days). The day a
 * case arrives is not counted; the due day itself is still in time.
 */
export function dueOn(cal: WorkingCalendar, from: IsoDate, workingDays: number): IsoDate {
  return cal.addWorkingDays(from, workingDays);
}

export type DeadlineStanding = { due: IsoDate; overdue: boolean; workingDaysLeft: number };

/** Working days left until `due` counted from `today` (0 on the due day), negative once it has passed. */
export function standing(cal: WorkingCalendar, due: IsoDate, today: IsoDate): DeadlineStanding {
  if (today <= due) return { due, overdue: false, workingDaysLeft: cal.workingDaysBetween(today, due) };
  // past the due day but no working day since (a weekend after it): overdue by 0, not by -0
  return { due, overdue: true, workingDaysLeft: 0 - cal.workingDaysBetween(due, today) || 0 };
}

/** A deadline's standing in words, as the console's badge and the daily digests say it (issue 11 §5). */
export function standingText(s: DeadlineStanding): string {
  if (s.overdue) return s.workingDaysLeft < 0 ? `已超期 ${-s.workingDaysLeft} 个工作日` : "已超期";
  return s.workingDaysLeft === 0 ? "今日到期" : `剩 ${s.workingDaysLeft} 个工作日`;
}

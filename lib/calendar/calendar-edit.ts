import { compareDates, type IsoDate, isIsoDate, weekday } from "./dates";
import type { WorkingCalendar } from "./working-days";

/**
 * Issue 14 §3: a sysadmin keeps the working-day calendar (DOMAIN §7): a day is a public holiday, a 调休 workday,
 * or ordinary (the row is removed). Every open deadline is counted again from the edited calendar.
 */
export type CalendarDayKind = "holiday" | "workday" | "normal";

export function calendarDayProblem(d: { date: string; kind: CalendarDayKind }): string | null {
  if (!isIsoDate(d.date)) return "日期格式应为 YYYY-MM-DD。";
  const w = weekday(d.date);
  const weekend = w === 0 || w === 6;
  if (d.kind === "workday" && !weekend) return `${d.date} 是工作日（周一至周五），无需设为调休上班日。`;
  return null;
}

/** An open case's deadline: `workingDays` working days after `from`, currently `due`. */
export type OpenDeadline = { ref: string; label: string; from: IsoDate; workingDays: number; due: IsoDate };

export type Recomputed = {
  /** deadlines that move, with their new day */
  changed: (OpenDeadline & { next: IsoDate })[];
  /** deadlines the edit would move into the past: the edit is refused for them */
  intoThePast: (OpenDeadline & { next: IsoDate })[];
};

export function recomputeDeadlines(
  open: readonly OpenDeadline[],
  cal: WorkingCalendar,
  today: IsoDate,
): Recomputed {
  const changed: Recomputed["changed"] = [];
  const intoThePast: Recomputed["intoThePast"] = [];
  for (const d of open) {
    const next = cal.addWorkingDays(d.from, d.workingDays);
    if (next === d.due) continue;
    changed.push({ ...d, next });
    if (compareDates(next, today) < 0 && compareDates(d.due, today) >= 0) intoThePast.push({ ...d, next });
  }
  return { changed, intoThePast };
}

import { addDays, compareDates, type IsoDate, weekday } from "./dates";

/**
 * Chinese working days (DOMAIN §7): Monday–Friday, except public holidays, plus the weekend days the
 * State Council declares as 调休 workdays. The calendar table holds only these exceptions.
 */
export type CalendarException = { date: IsoDate; kind: "holiday" | "workday" };

export type WorkingCalendar = {
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `from` (the start day itself is not counted). */
  addWorkingDays(from: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]: how many working days have passed by `to`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
};

export function workingCalendar(exceptions: readonly CalendarException[]): WorkingCalendar {
  const byDate = new Map(exceptions.map((e) => [e.date, e.kind] as const));
  const isWorkingDay = (date: IsoDate): boolean => {
    const kind = byDate.get(date);
    if (kind) return kind === "workday";
    const w = weekday(date);
    return w !== 0 && w !== 6;
  };
  return {
    isWorkingDay,
    addWorkingDays(from, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be a non-negative integer");
      let d = from;
      for (let left = n; left > 0; ) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) left--;
      }
      return d;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1))
        if (isWorkingDay(d)) count++;
      return count;
    },
  };
}

/** Calendar dates as ISO strings (YYYY-MM-DD): no time zone, no clock. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: IsoDate): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toUtc(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * Civil Code art. 202: a period counted in months ends on the corresponding day of the last month,
 * or on that month's last day when it has no such day (2024-01-31 + 1 month = 2024-02-29).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return fromUtc(first);
}

/** The first day of the window of the last `months` calendar months, this one included (issue 10: not 13). */
export function firstDayOfLastMonths(today: IsoDate, months: number): IsoDate {
  return `${addMonths(`${today.slice(0, 7)}-01`, 1 - months).slice(0, 7)}-01`;
}

/** "YYYY-MM" of the `months` calendar months ending with today's, oldest first. */
export function lastMonths(today: IsoDate, months: number): string[] {
  const first = firstDayOfLastMonths(today, months);
  return Array.from({ length: months }, (_, i) => addMonths(first, i).slice(0, 7));
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The calendar date in China (UTC+8, no DST) of an instant; callers pass the instant. */
export function chinaDate(instant: Date): IsoDate {
  return fromUtc(new Date(instant.getTime() + 8 * 3_600_000));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a person in China reads it: 2026-12-05 08:30:00 (UTC+8, no DST; the site's one time zone). */
export function chinaDateTime(instant: Date): string {
  const t = new Date(instant.getTime() + 8 * 3_600_000);
  return `${fromUtc(t)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** The same in machine formats (CSV, JSON, checkpoints): ISO 8601 with its offset, 2026-12-05T08:30:00+08:00. */
export function chinaIso(instant: Date): string {
  return `${chinaDateTime(instant).replace(" ", "T")}+08:00`;
}

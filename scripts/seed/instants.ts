import type { IsoDate } from "../../lib/calendar/dates";

/**
 * A seeded step's moment: the given China time of its day, but never later than the seeding itself — a step
 * dated today happened by now, not this afternoon (issue 21: no event in the future).
 */
export function seededAt(day: IsoDate, chinaTime = "10:00"): string {
  const at = new Date(`${day}T${chinaTime}:00+08:00`);
  return (at.getTime() > Date.now() ? new Date() : at).toISOString();
}

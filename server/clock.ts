import { chinaDate, type IsoDate } from "@/lib/calendar/dates";

/** Today's date in China: the one place the app reads the clock for date rules. */
export function today(): IsoDate {
  return chinaDate(new Date());
}

import "server-only";
import { and, asc, gte, lte, sql } from "drizzle-orm";
import { calendarDays } from "@/db/schema";
import { getDb } from "../db";

/** The calendar's exceptions of one year, and which years have any (issue 14 §3). */
export async function listCalendarYear({ year }: { year: number }) {
  const db = await getDb();
  const [days, years] = await Promise.all([
    db
      .select()
      .from(calendarDays)
      .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
      .orderBy(asc(calendarDays.date)),
    db
      .selectDistinct({ year: sql<number>`extract(year from ${calendarDays.date})::int` })
      .from(calendarDays)
      .orderBy(sql`1`),
  ]);
  return { days, years: years.map((y) => Number(y.year)) };
}

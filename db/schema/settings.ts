import { date, integer, jsonb, pgEnum, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";

/** Holidays and 调休 workdays; ordinary weekends are implied (lib/working-days). */
export const calendarDayKind = pgEnum("calendar_day_kind", ["holiday", "workday"]);

export const calendarDays = pgTable("calendar_days", {
  date: date({ mode: "string" }).primaryKey(),
  kind: calendarDayKind().notNull(),
  name: varchar({ length: 64 }).notNull(),
});

/** The "(ours)" policy values of DOMAIN.md; absent keys take lib/policy defaults. */
export const settings = pgTable("settings", {
  key: varchar({ length: 64 }).primaryKey(),
  value: jsonb().notNull(),
  updatedBy: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

import {
  bigint,
  date,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { DISCLOSURE_JOB_STATES } from "../../lib/workflows/disclosure-job";

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
  /** bumped by every change: a form read before another change is refused (issue 14 §4) */
  version: integer().notNull().default(1),
  updatedBy: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Every value a setting has had, with who set it and when (issue 14 §4: versioned). */
export const settingVersions = pgTable(
  "setting_versions",
  {
    id: serial().primaryKey(),
    key: varchar({ length: 64 }).notNull(),
    version: integer().notNull(),
    value: jsonb().notNull(),
    changedBy: integer(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.key, t.version)],
);

export const disclosureJobState = pgEnum("disclosure_job_state", DISCLOSURE_JOB_STATES);

/** Issue 14 §4: `disclosable` recounted for every penalty after a threshold change, batch by batch. */
export const disclosureJobs = pgTable("disclosure_jobs", {
  id: serial().primaryKey(),
  thresholdWan: numeric({ precision: 14, scale: 6 }).notNull(),
  state: disclosureJobState().notNull().default("queued"),
  total: integer().notNull().default(0),
  processed: integer().notNull().default(0),
  /** the last penalty id done: a resumed job goes on after it */
  lastId: bigint({ mode: "number" }).notNull().default(0),
  nowHidden: integer().notNull().default(0),
  nowShown: integer().notNull().default(0),
  error: text(),
  requestedBy: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
});

import {
  bigint,
  bigserial,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { IMPORT_MODES } from "../../lib/records/import-file";
import { IMPORT_JOB_STATES } from "../../lib/workflows/import-job";
import { timestamps } from "./_columns";
import { deptRef, userRef } from "./_refs";

export const importKind = pgEnum("import_kind", ["penalty", "licence"]);
/** keep_good: good rows are written, bad ones listed; all_or_nothing: one bad row and nothing is written */
export const importMode = pgEnum("import_mode", IMPORT_MODES);
// the states live in the machine (lib/workflows); the enum is made from them
export const importState = pgEnum("import_state", IMPORT_JOB_STATES);

/**
 * A bulk import as a durable job (issue 5 §6): its state, counts and progress live here, not in memory, so the
 * page can be reopened and a server killed mid-run resumes from `committedRows` (each batch commits together
 * with that cursor) or, for all-or-nothing, starts its single write again.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    departmentId: deptRef().notNull(),
    userId: userRef().notNull(),
    kind: importKind().notNull(),
    mode: importMode().notNull(),
    fileName: varchar({ length: 256 }).notNull(),
    fileSize: bigint({ mode: "number" }).notNull(),
    format: varchar({ length: 8 }).notNull(),
    encoding: varchar({ length: 16 }).notNull().default("utf-8"),
    state: importState().notNull().default("queued"),
    totalRows: integer().notNull().default(0),
    validatedRows: integer().notNull().default(0),
    /** rows (good or bad) whose batch has committed: where a resumed run starts writing */
    committedRows: integer().notNull().default(0),
    newCount: integer().notNull().default(0),
    updatedCount: integer().notNull().default(0),
    unchangedCount: integer().notNull().default(0),
    rejectedCount: integer().notNull().default(0),
    message: text(),
    heartbeatAt: timestamp({ withTimezone: true }),
    /** how many times a runner has taken the job up (issue 20 N2: one that keeps dying is failed, not resumed) */
    runs: smallint().notNull().default(0),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.departmentId, t.id)],
);

/** One line of the per-row report: row, column, reason. */
export const importErrors = pgTable(
  "import_errors",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    jobId: bigint({ mode: "number" })
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    rowNo: integer().notNull(),
    column: varchar({ length: 64 }).notNull(),
    reason: text().notNull(),
  },
  (t) => [index().on(t.jobId, t.rowNo)],
);

export type ImportJob = typeof importJobs.$inferSelect;

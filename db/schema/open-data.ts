import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";

/**
 * One production of the open-data files (issue 25 §4): every dataset written once, to files served as they are.
 * Its id is the change id a mirror asks deltas since. At most one is being built at a time (the partial index),
 * whatever number of workers or nodes.
 */
export const dumpGenerations = pgTable(
  "dump_generations",
  {
    id: serial().primaryKey(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    /** the day whose publicity the files hold */
    asOf: date({ mode: "string" }).notNull(),
    state: varchar({ length: 16 }).notNull().$type<"building" | "ready" | "failed">(),
    /** nightly, batch (after a change batch), start, seed, manual */
    reason: varchar({ length: 16 }).notNull(),
    /** the value of the sequence open_data_changes it covers: later changes call for the next one */
    changeMark: bigint({ mode: "number" }).notNull(),
    /** the last public record change (record_changes id) before it began: a later one outdates its files */
    recordChangeMark: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [uniqueIndex("dump_generations_one_building").on(t.state).where(sql`state = 'building'`)],
);

/** A dataset's file of a generation, in one format: where it lies, its size plain and gzipped, and its digest. */
export const dumpFiles = pgTable(
  "dump_files",
  {
    generationId: integer()
      .notNull()
      .references(() => dumpGenerations.id, { onDelete: "cascade" }),
    dataset: varchar({ length: 48 }).notNull(),
    format: varchar({ length: 8 }).notNull().$type<"csv" | "json">(),
    path: text().notNull(),
    bytes: bigint({ mode: "number" }).notNull(),
    gzipBytes: bigint({ mode: "number" }).notNull(),
    sha256: char({ length: 64 }).notNull(),
    rows: integer().notNull(),
    /** gone from disk once older than the retained generations */
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.generationId, t.dataset, t.format] })],
);

/**
 * What each dataset published, record by record: the row as the files hold it, the generation that added or
 * last changed it, and the one that removed it (a tombstone, with its reason). Deltas are read from here, so a
 * mirror's question never touches the record tables.
 */
export const datasetState = pgTable(
  "dataset_state",
  {
    dataset: varchar({ length: 48 }).notNull(),
    recordId: bigint({ mode: "number" }).notNull(),
    hash: char({ length: 64 }).notNull(),
    row: jsonb().notNull(),
    addedGen: integer().notNull(),
    changedGen: integer().notNull(),
    removedGen: integer(),
    removedReason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.dataset, t.recordId] }),
    index().on(t.dataset, t.changedGen),
    index().on(t.dataset, t.removedGen),
  ],
);

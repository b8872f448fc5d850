import {
  bigint,
  bigserial,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import type { PoolFilter } from "../../lib/supervision/pool";
import { timestamps } from "./_columns";
import { deptRef, subjectRef, userRef } from "./_refs";
import { departments } from "./departments";
import { subjects } from "./subjects";

/** DOMAIN §9: A 优 / B 良 / C 中 / D 差 */
export const grade = pgEnum("grade", ["A", "B", "C", "D"]);

export const subjectGrades = pgTable("subject_grades", {
  subjectId: bigint({ mode: "number" })
    .primaryKey()
    .references(() => subjects.id),
  grade: grade().notNull(),
  score: smallint().notNull(),
  /** the rule set's version, so an old grade can be explained by the rules it used */
  ruleVersion: varchar({ length: 32 }).notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull(),
});

/** 执法检查人员名录库: the people a department may send; a draw picks two of them per subject. */
export const inspectors = pgTable(
  "inspectors",
  {
    id: serial().primaryKey(),
    deptId: deptRef().notNull(),
    name: varchar({ length: 32 }).notNull(),
    /** 执法证号 */
    badgeNo: varchar({ length: 32 }).notNull().unique(),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [index().on(t.deptId)],
);

/** Issue 12 §2: each department's inspection ratio per grade, as fractions; absent means the policy default. */
export const deptInspectionRatios = pgTable("dept_inspection_ratios", {
  deptId: integer()
    .primaryKey()
    .references(() => departments.id),
  ratios: jsonb().$type<Record<"A" | "B" | "C" | "D", number>>().notNull(),
  /** bumped by every change: a form read before another change is refused */
  version: integer().notNull().default(1),
  updatedBy: userRef(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const drawState = pgEnum("draw_state", ["preview", "confirmed"]);

/**
 * 双随机、一公开: a reproducible draw. The seed is made by the server at preview and kept with the pool as it was
 * then (ids with their grades), so anyone can re-run it; confirming refuses a pool that has changed since.
 */
export const inspectionDraws = pgTable(
  "inspection_draws",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** given at confirmation */
    drawNo: varchar({ length: 32 }).unique(),
    state: drawState().notNull().default("preview"),
    deptId: deptRef().notNull(),
    title: varchar({ length: 200 }).notNull(),
    /** the filter that chose the pool */
    pool: jsonb().$type<PoolFilter>().notNull(),
    ratios: jsonb().$type<Record<"A" | "B" | "C" | "D", number>>().notNull(),
    seed: char({ length: 64 }).notNull(),
    algorithm: varchar({ length: 64 }).notNull(),
    poolSize: integer().notNull(),
    /**
     * the pool snapshot: subject ids ascending, joined by commas (text: a million-element bigint[] costs a second to
     * parse on insert), and their grades as one letter each in the same order
     */
    poolIds: text().notNull(),
    poolGrades: text().notNull(),
    /** sha256 of the snapshot, to tell at confirmation whether the pool changed */
    poolHash: char({ length: 64 }).notNull(),
    /**
     * the database snapshot (pg_snapshot as text) the pool was read in: confirming asks pool_changes whether a
     * transaction that changed the pool committed outside it, instead of reading millions of rows again
     */
    poolSnapshot: text(),
    /**
     * the result the preview showed, as the text its hash is taken over (lib/supervision/draw resultHashInput): the
     * confirmation stores exactly this once the pool is proven unchanged, without reading the pool or drawing again.
     * Null for a preview made before it was kept (migration 0044): such a preview is made anew at confirmation.
     */
    drawnList: text(),
    /** sha256 of drawnList, as the confirmation's audit row records it */
    resultHash: char({ length: 64 }),
    /** per grade: the pool's size and how many were drawn */
    perGrade: jsonb().$type<Record<"A" | "B" | "C" | "D", { pool: number; drawn: number }>>(),
    ruleVersion: varchar({ length: 32 }).notNull(),
    inspectorIds: integer().array().notNull(),
    drawnBy: userRef().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    drawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.state, t.drawnAt)],
);

/** A transaction id as PostgreSQL's xid8 (64-bit, never wraps), read and written as its decimal text. */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

/**
 * One row per transaction that changed what a draw pool is made of (subjects' kind, status, region or industry;
 * a stored grade), written by statement triggers (migration 0042). A confirmation looks here for a transaction
 * its preview's snapshot did not see; only when it finds one does it read the pool again.
 */
export const poolChanges = pgTable("pool_changes", {
  xid: xid8().primaryKey(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Issue 12 §4: what the inspection found. */
export const inspectionResult = pgEnum("inspection_result", ["qualified", "rectify", "case"]);

export const inspectionDrawSubjects = pgTable(
  "inspection_draw_subjects",
  {
    /**
     * no foreign key either: a row is written only by the confirmation that holds its draw's row locked, and the
     * key's check per row cost 0.6 s of a province-wide confirmation
     */
    drawId: bigint({ mode: "number" }).notNull(),
    /**
     * no foreign key: a province-wide draw stores 195,560 rows at once, and a row-by-row key check cost a second;
     * every row drawn is a member of a pool proven unchanged in the confirming transaction (draws.ts)
     */
    subjectId: bigint({ mode: "number" }).notNull(),
    /** order drawn, for replay */
    seq: integer().notNull(),
    grade: grade().notNull(),
    inspectorIds: integer().array().notNull(),
    result: inspectionResult(),
    resultNote: text(),
    resultOn: date({ mode: "string" }),
    resultBy: userRef(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.subjectId] }), index().on(t.subjectId)],
);

/** 约谈 */
export const interviewKind = pgEnum("interview_kind", ["prompt", "warning"]);

export const interviews = pgTable(
  "interviews",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    subjectId: subjectRef().notNull(),
    deptId: deptRef().notNull(),
    kind: interviewKind().notNull(),
    heldOn: date({ mode: "string" }).notNull(),
    matter: text().notNull(),
    outcome: text(),
    /** 整改期限 */
    rectifyBy: date({ mode: "string" }),
    createdBy: userRef(),
    ...timestamps,
  },
  (t) => [index().on(t.subjectId)],
);

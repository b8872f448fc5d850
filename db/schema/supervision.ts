import {
  bigint,
  bigserial,
  char,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { departments } from "./departments";
import { subjects } from "./subjects";
import { users } from "./users";

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

/** Each reason a grade moved: shown to the subject and the regulator. */
export const gradeContributions = pgTable(
  "grade_contributions",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjectGrades.subjectId, { onDelete: "cascade" }),
    rule: varchar({ length: 48 }).notNull(),
    refType: varchar({ length: 32 }),
    refId: bigint({ mode: "number" }),
    points: smallint().notNull(),
    /** a cap such as "重点关注 caps at C" has no points */
    cap: grade(),
    label: text().notNull(),
  },
  (t) => [index().on(t.subjectId)],
);

/** 双随机、一公开: a reproducible draw from a recorded seed. */
export const inspectionDraws = pgTable("inspection_draws", {
  id: bigserial({ mode: "number" }).primaryKey(),
  drawNo: varchar({ length: 32 }).notNull().unique(),
  deptId: integer()
    .notNull()
    .references(() => departments.id),
  title: varchar({ length: 200 }).notNull(),
  pool: jsonb().$type<{ regionCode?: string; industry?: string }>().notNull(),
  ratios: jsonb().$type<Record<"A" | "B" | "C" | "D", number>>().notNull(),
  seed: char({ length: 64 }).notNull(),
  poolSize: integer().notNull(),
  drawnBy: integer()
    .notNull()
    .references(() => users.id),
  drawnAt: timestamp({ withTimezone: true }).notNull(),
  publishedAt: timestamp({ withTimezone: true }),
});

export const inspectionDrawSubjects = pgTable(
  "inspection_draw_subjects",
  {
    drawId: bigint({ mode: "number" })
      .notNull()
      .references(() => inspectionDraws.id),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjects.id),
    grade: grade().notNull(),
    inspectorIds: integer().array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.subjectId] })],
);

/** 约谈 */
export const interviewKind = pgEnum("interview_kind", ["prompt", "warning"]);

export const interviews = pgTable(
  "interviews",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjects.id),
    deptId: integer()
      .notNull()
      .references(() => departments.id),
    kind: interviewKind().notNull(),
    heldOn: date({ mode: "string" }).notNull(),
    matter: text().notNull(),
    outcome: text(),
    createdBy: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [index().on(t.subjectId)],
);

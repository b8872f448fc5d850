import {
  bigint,
  bigserial,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { commitments } from "./commitments";
import { departments } from "./departments";
import { subjects } from "./subjects";
import { users } from "./users";

/** What a repair or objection is about. */
export const caseTarget = pgEnum("case_target", [
  "penalty",
  "licence",
  "admin_act",
  "list_entry",
  "commitment",
]);

/** DOMAIN §7: 已提交 → 已受理 / 不予受理 → 同意修复 / 不予修复 */
export const repairStatus = pgEnum("repair_status", [
  "submitted",
  "accepted",
  "not_accepted",
  "approved",
  "denied",
]);
export const materialKind = pgEnum("material_kind", ["application", "commitment", "proof", "evidence"]);

export const repairCases = pgTable(
  "repair_cases",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseNo: varchar({ length: 32 }).notNull().unique(),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjects.id),
    applicantId: integer()
      .notNull()
      .references(() => users.id),
    targetType: caseTarget().notNull(),
    targetId: bigint({ mode: "number" }).notNull(),
    /** the department that handles it: the record's source */
    deptId: integer()
      .notNull()
      .references(() => departments.id),
    statement: text().notNull(),
    commitmentId: bigint({ mode: "number" }).references(() => commitments.id),
    status: repairStatus().notNull().default("submitted"),
    submittedOn: date({ mode: "string" }).notNull(),
    acceptDueOn: date({ mode: "string" }).notNull(),
    acceptedOn: date({ mode: "string" }),
    decideDueOn: date({ mode: "string" }),
    decidedOn: date({ mode: "string" }),
    decisionReason: text(),
    handlerId: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [index().on(t.subjectId), index().on(t.targetType, t.targetId), index().on(t.deptId, t.status)],
);

/** DOMAIN §8: 已提交 → 核实中 → 更正 / 撤销 / 维持 */
export const objectionStatus = pgEnum("objection_status", [
  "submitted",
  "verifying",
  "corrected",
  "revoked",
  "upheld",
]);

export const objections = pgTable(
  "objections",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseNo: varchar({ length: 32 }).notNull().unique(),
    targetType: caseTarget().notNull(),
    targetId: bigint({ mode: "number" }).notNull(),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjects.id),
    deptId: integer()
      .notNull()
      .references(() => departments.id),
    objectorName: varchar({ length: 64 }).notNull(),
    contact: varchar({ length: 128 }).notNull(),
    reason: text().notNull(),
    status: objectionStatus().notNull().default("submitted"),
    submittedOn: date({ mode: "string" }).notNull(),
    answerDueOn: date({ mode: "string" }).notNull(),
    outcomeReason: text(),
    closedOn: date({ mode: "string" }),
    handlerId: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [index().on(t.targetType, t.targetId), index().on(t.deptId, t.status)],
);

/** Uploaded files of repairs and objections; the type is checked from content, not the name. */
export const caseFiles = pgTable("case_files", {
  id: bigserial({ mode: "number" }).primaryKey(),
  repairCaseId: bigint({ mode: "number" }).references(() => repairCases.id),
  objectionId: bigint({ mode: "number" }).references(() => objections.id),
  kind: materialKind().notNull(),
  fileName: varchar({ length: 200 }).notNull(),
  mimeType: varchar({ length: 64 }).notNull(),
  sizeBytes: integer().notNull(),
  sha256: char({ length: 64 }).notNull(),
  storagePath: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Case history shown to the applicant and the objector: every transition with its time and note. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    repairCaseId: bigint({ mode: "number" }).references(() => repairCases.id),
    objectionId: bigint({ mode: "number" }).references(() => objections.id),
    fromStatus: varchar({ length: 32 }),
    toStatus: varchar({ length: 32 }).notNull(),
    actorId: integer().references(() => users.id),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.repairCaseId), index().on(t.objectionId)],
);

export type RepairCase = typeof repairCases.$inferSelect;
export type Objection = typeof objections.$inferSelect;

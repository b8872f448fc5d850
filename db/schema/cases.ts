import { sql } from "drizzle-orm";
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
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { OBJECTION_STATES } from "../../lib/workflows/objection";
import { REPAIR_STATES } from "../../lib/workflows/repair";
import { SELF_REPORT_CATEGORIES, SELF_REPORT_STATES } from "../../lib/workflows/self-report";
import { TIPOFF_STATES } from "../../lib/workflows/tipoff";
import { timestamps } from "./_columns";
import { deptRef, subjectRef, userRef } from "./_refs";
import { commitments } from "./commitments";
import { listEntries } from "./lists";

/** What a repair or objection is about. */
export const caseTarget = pgEnum("case_target", [
  "penalty",
  "licence",
  "admin_act",
  "list_entry",
  "commitment",
]);

/** DOMAIN §7: 已提交 → 已受理 / 不予受理 → 同意修复 / 不予修复 (lib/workflows/repair) */
export const repairStatus = pgEnum("repair_status", REPAIR_STATES);
export const materialKind = pgEnum("material_kind", [
  "application",
  "commitment",
  "proof",
  "evidence",
  "statement",
  /** a signed 送达回证, scanned (issue 22 §3) */
  "service",
]);

export const repairCases = pgTable(
  "repair_cases",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseNo: varchar({ length: 32 }).notNull().unique(),
    subjectId: subjectRef().notNull(),
    applicantId: userRef().notNull(),
    targetType: caseTarget().notNull(),
    targetId: bigint({ mode: "number" }).notNull(),
    /** the department that handles it: the record's source */
    deptId: deptRef().notNull(),
    statement: text().notNull(),
    /** the 信用修复申请书 as generated from the form and shown to the reviewer */
    applicationText: text(),
    submissionKey: uuid().unique(),
    /** who entered the record: never the one who handles its repair (four eyes) */
    recordEnteredBy: userRef(),
    commitmentId: bigint({ mode: "number" }).references(() => commitments.id),
    status: repairStatus().notNull().default("submitted"),
    submittedOn: date({ mode: "string" }).notNull(),
    acceptDueOn: date({ mode: "string" }).notNull(),
    acceptedOn: date({ mode: "string" }),
    decideDueOn: date({ mode: "string" }),
    decidedOn: date({ mode: "string" }),
    decisionReason: text(),
    handlerId: userRef(),
    decidedBy: userRef(),
    ...timestamps,
  },
  (t) => [
    index().on(t.subjectId),
    index().on(t.targetType, t.targetId),
    index().on(t.deptId, t.status),
    // one open case per record: two tabs applying for it make one case
    uniqueIndex("repair_cases_one_open_per_record")
      .on(t.targetType, t.targetId)
      .where(sql`status IN ('submitted', 'accepted')`),
  ],
);

/** 2020 plan §11: 主体自主申报 (lib/workflows/self-report). */
export const selfReportStatus = pgEnum("self_report_status", SELF_REPORT_STATES);
export const selfReportCategory = pgEnum("self_report_category", SELF_REPORT_CATEGORIES);

export const selfReports = pgTable(
  "self_reports",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseNo: varchar({ length: 32 }).notNull().unique(),
    subjectId: subjectRef().notNull(),
    applicantId: userRef().notNull(),
    /** the department that verifies it */
    deptId: deptRef().notNull(),
    category: selfReportCategory().notNull(),
    title: varchar({ length: 200 }).notNull(),
    /** who issued the certificate, honour or receipt */
    issuer: varchar({ length: 200 }).notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    description: text().notNull(),
    /** the truthfulness commitment: who signed it */
    pledgeSigner: varchar({ length: 64 }).notNull(),
    submissionKey: uuid().unique(),
    status: selfReportStatus().notNull().default("submitted"),
    submittedOn: date({ mode: "string" }).notNull(),
    verifyDueOn: date({ mode: "string" }).notNull(),
    decidedOn: date({ mode: "string" }),
    decisionReason: text(),
    verifiedBy: userRef(),
    ...timestamps,
  },
  (t) => [index().on(t.subjectId), index().on(t.deptId, t.status)],
);

/** DOMAIN §8: 已提交 → 核实中 → 更正 / 撤销 / 维持 */
export const objectionStatus = pgEnum("objection_status", OBJECTION_STATES);

export const objections = pgTable(
  "objections",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseNo: varchar({ length: 32 }).notNull().unique(),
    targetType: caseTarget().notNull(),
    targetId: bigint({ mode: "number" }).notNull(),
    subjectId: subjectRef().notNull(),
    deptId: deptRef().notNull(),
    objectorName: varchar({ length: 64 }).notNull(),
    contact: varchar({ length: 128 }).notNull(),
    /**
     * the contact as compared (lib/workflows/objection contactKey): shows reviewers the same person's cases; it joins
     * nothing (issue 20 N9: a phone number is no proof of who objects)
     */
    contactKey: varchar({ length: 128 }).notNull(),
    reason: text().notNull(),
    /** sha-256 of the tracking secret, shown once to the objector */
    secretHash: char({ length: 64 }).notNull(),
    submissionKey: uuid().unique(),
    /** who entered the record: never the one who verifies the objection to it (four eyes) */
    recordEnteredBy: userRef(),
    status: objectionStatus().notNull().default("submitted"),
    submittedOn: date({ mode: "string" }).notNull(),
    answerDueOn: date({ mode: "string" }).notNull(),
    verifyingOn: date({ mode: "string" }),
    outcomeReason: text(),
    /** 更正: what was changed, as the objector and the public read it */
    correction: text(),
    closedOn: date({ mode: "string" }),
    handlerId: userRef(),
    ...timestamps,
  },
  (t) => [index().on(t.targetType, t.targetId), index().on(t.deptId, t.status)],
);

/** 失信举报 (issue 23 §5): anyone reports a subject to the competent department; the subject never sees it. */
export const tipoffStatus = pgEnum("tipoff_status", TIPOFF_STATES);
export const tipoffs = pgTable(
  "tipoffs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseNo: varchar({ length: 32 }).notNull().unique(),
    subjectId: subjectRef().notNull(),
    deptId: deptRef().notNull(),
    reporterName: varchar({ length: 64 }).notNull(),
    contact: varchar({ length: 128 }).notNull(),
    content: text().notNull(),
    /** sha-256 of the tracking secret, shown once to the reporter */
    secretHash: char({ length: 64 }).notNull(),
    submissionKey: uuid().unique(),
    status: tipoffStatus().notNull().default("submitted"),
    submittedOn: date({ mode: "string" }).notNull(),
    answerDueOn: date({ mode: "string" }).notNull(),
    acceptedOn: date({ mode: "string" }),
    closedOn: date({ mode: "string" }),
    outcomeReason: text(),
    handlerId: userRef(),
    ...timestamps,
  },
  (t) => [index().on(t.deptId, t.status), index().on(t.subjectId)],
);

/** Uploaded files of repairs and objections; the type is checked from content, not the name. */
export const caseFiles = pgTable("case_files", {
  id: bigserial({ mode: "number" }).primaryKey(),
  repairCaseId: bigint({ mode: "number" }).references(() => repairCases.id),
  objectionId: bigint({ mode: "number" }).references(() => objections.id),
  selfReportId: bigint({ mode: "number" }).references(() => selfReports.id),
  tipoffId: bigint({ mode: "number" }).references(() => tipoffs.id),
  /** a 陈述申辩's attachments */
  listEntryId: bigint({ mode: "number" }).references(() => listEntries.id),
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
    commitmentId: bigint({ mode: "number" }).references(() => commitments.id),
    selfReportId: bigint({ mode: "number" }).references(() => selfReports.id),
    tipoffId: bigint({ mode: "number" }).references(() => tipoffs.id),
    fromStatus: varchar({ length: 32 }),
    toStatus: varchar({ length: 32 }).notNull(),
    actorId: userRef(),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.repairCaseId),
    index().on(t.objectionId),
    index().on(t.commitmentId),
    index().on(t.selfReportId),
    index().on(t.tipoffId),
  ],
);

export type SelfReport = typeof selfReports.$inferSelect;
export type RepairCase = typeof repairCases.$inferSelect;
export type Objection = typeof objections.$inferSelect;

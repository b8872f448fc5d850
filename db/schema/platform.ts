import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  inet,
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
import { CLASSIFICATION_KEYS, DATA_CLASS_KEYS, FREQUENCY_KEYS } from "../../lib/platform/catalogue";
import { GOV_COMMITMENT_STATES, GOV_DISHONESTY_KINDS } from "../../lib/platform/government";
import type { Hit } from "../../lib/platform/measures";
import { MATTER_KEYS } from "../../lib/platform/measures";
import { timestamps } from "./_columns";
import { deptRef, subjectRef, userRef } from "./_refs";
import { listKind } from "./lists";
import { apiKeys, institutions } from "./users";

/** Issue 23 §3: 公共信用信息资源目录 — per department, each item it supplies and who may read it. */
export const dataClass = pgEnum("data_class", DATA_CLASS_KEYS);
export const dataClassification = pgEnum("data_classification", CLASSIFICATION_KEYS);
export const updateFrequency = pgEnum("update_frequency", FREQUENCY_KEYS);

export const catalogueItems = pgTable(
  "catalogue_items",
  {
    id: serial().primaryKey(),
    deptId: deptRef().notNull(),
    dataClass: dataClass().notNull(),
    classification: dataClassification().notNull(),
    frequency: updateFrequency().notNull().default("daily"),
    /** the items' main fields as published, e.g. 决定文书号、处罚类别、处罚内容 */
    fields: text().notNull().default(""),
    updatedBy: userRef(),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.deptId, t.dataClass)],
);

/** Issue 23 §1: 联合奖惩措施清单. */
export const measureMatter = pgEnum("measure_matter", MATTER_KEYS);
export const measureEffect = pgEnum("measure_effect", ["reward", "punishment"]);

export const measures = pgTable("measures", {
  id: serial().primaryKey(),
  code: varchar({ length: 16 }).notNull().unique(),
  listKind: listKind().notNull(),
  matter: measureMatter().notNull(),
  effect: measureEffect().notNull(),
  content: text().notNull(),
  legalBasis: text().notNull(),
  active: boolean().notNull().default(true),
  updatedBy: userRef(),
  ...timestamps,
});

/** One check of a subject before a matter is granted, by a department's system (key) or its staff (user). */
export const jointChecks = pgTable(
  "joint_checks",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    checkNo: varchar({ length: 24 }).notNull().unique(),
    deptId: deptRef().notNull(),
    keyId: integer().references(() => apiKeys.id),
    userId: userRef(),
    subjectId: subjectRef().notNull(),
    matter: measureMatter().notNull(),
    /** what the check returned, as decided on the day */
    hits: jsonb().$type<Hit[]>().notNull(),
    hitCount: integer().notNull(),
    checkedOn: date({ mode: "string" }).notNull(),
    feedbackDueOn: date({ mode: "string" }).notNull(),
    feedbackAt: timestamp({ withTimezone: true }),
    /** the measures the department applied (ids from `hits`) and why any was not */
    applied: integer().array(),
    feedbackNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.deptId, t.checkedOn), index().on(t.subjectId)],
);

/** Every authorised query, which the subject reads in its portal (who, what, why, when). */
export const authorisedQueries = pgTable(
  "authorised_queries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    institutionId: integer()
      .notNull()
      .references(() => institutions.id),
    keyId: integer()
      .notNull()
      .references(() => apiKeys.id),
    subjectId: subjectRef().notNull(),
    purpose: varchar({ length: 32 }).notNull(),
    /** the classes beyond the public view the answer carried */
    dataClasses: text().array().notNull(),
    ip: inet(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.subjectId, t.at), index().on(t.institutionId, t.at)],
);

/** Issue 23 §6 政务诚信: what organs and public institutions promised the public, and whether they kept it. */
export const govCommitmentStatus = pgEnum("gov_commitment_status", GOV_COMMITMENT_STATES);
export const govCommitments = pgTable(
  "gov_commitments",
  {
    id: serial().primaryKey(),
    subjectId: subjectRef().notNull(),
    /** the department that recorded it (the credit office of its level) */
    deptId: deptRef().notNull(),
    title: varchar({ length: 200 }).notNull(),
    content: text().notNull(),
    counterparty: varchar({ length: 200 }).notNull(),
    madeOn: date({ mode: "string" }).notNull(),
    dueOn: date({ mode: "string" }),
    status: govCommitmentStatus().notNull().default("in_progress"),
    statusOn: date({ mode: "string" }),
    statusNote: text(),
    createdBy: userRef(),
    ...timestamps,
  },
  (t) => [index().on(t.subjectId)],
);

export const govDishonestyKind = pgEnum("gov_dishonesty_kind", GOV_DISHONESTY_KINDS);
export const govDishonesty = pgTable(
  "gov_dishonesty",
  {
    id: serial().primaryKey(),
    subjectId: subjectRef().notNull(),
    deptId: deptRef().notNull(),
    kind: govDishonestyKind().notNull(),
    description: text().notNull(),
    /** 万元 */
    amount: numeric({ precision: 14, scale: 2 }),
    /** 判决书、执行裁定书或认定文书号 */
    documentNo: varchar({ length: 128 }).notNull(),
    decidedOn: date({ mode: "string" }).notNull(),
    /** 履行 / 清偿 day: the record then leaves the public list (kept in the profile's history) */
    settledOn: date({ mode: "string" }),
    createdBy: userRef(),
    ...timestamps,
  },
  (t) => [
    index().on(t.subjectId),
    check("gov_dishonesty_settled_after", sql`${t.settledOn} IS NULL OR ${t.settledOn} >= ${t.decidedOn}`),
  ],
);

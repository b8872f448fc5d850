import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { deptRef, subjectRef, userRef } from "./_refs";

/** DOMAIN §6 */
export const commitmentType = pgEnum("commitment_type", [
  "approval_substitute", // 审批替代型（承诺代替证明）
  "tolerance", // 容缺受理型
  "self_discipline", // 行业自律型
  "voluntary", // 主动型
  "repair", // 信用修复型
]);
export const commitmentStatus = pgEnum("commitment_status", ["draft", "submitted", "approved", "returned"]);
export const fulfilmentStatus = pgEnum("fulfilment_status", ["in_progress", "fulfilled", "breached"]);

/**
 * A template version. Versions are never edited: a change inserts the next version of the same series and
 * retires the old one, so a signed commitment keeps the text of the version it signed (issue 11 §2).
 */
export const commitmentTemplates = pgTable("commitment_templates", {
  id: bigserial({ mode: "number" }).primaryKey(),
  /** the first version's id: all versions of one template share it */
  seriesId: bigint({ mode: "number" }),
  version: smallint().notNull().default(1),
  retiredAt: timestamp({ withTimezone: true }),
  createdBy: userRef(),
  type: commitmentType().notNull(),
  title: varchar({ length: 128 }).notNull(),
  body: text().notNull(),
  /** the blanks a business fills in, by key and Chinese label */
  fields: jsonb().$type<{ key: string; label: string }[]>().notNull().default([]),
  /**
   * issue 20 N10: whose template it is — the province (360000) or a city — used by businesses of that scope and
   * kept only by reviewers of that region
   */
  scopeRegionCode: varchar({ length: 6 }).notNull().default("360000"),
  ...timestamps,
});

export const commitments = pgTable(
  "commitments",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    subjectId: subjectRef().notNull(),
    type: commitmentType().notNull(),
    templateId: bigint({ mode: "number" }).references(() => commitmentTemplates.id),
    /** the department that receives and reviews it */
    deptId: deptRef().notNull(),
    title: varchar({ length: 200 }).notNull(),
    content: text().notNull(),
    /** a form rendered once carries one key: a double click or a second tab makes one commitment */
    submissionKey: uuid().unique(),
    submittedOn: date({ mode: "string" }),
    reviewDueOn: date({ mode: "string" }),
    specifics: jsonb().$type<Record<string, string>>().notNull().default({}),
    signerName: varchar({ length: 64 }).notNull(),
    signedOn: date({ mode: "string" }).notNull(),
    status: commitmentStatus().notNull().default("submitted"),
    returnReason: text(),
    reviewedBy: userRef(),
    reviewedAt: timestamp({ withTimezone: true }),
    fulfilment: fulfilmentStatus().notNull().default("in_progress"),
    /** 违诺: the regulator's finding, a negative record of its own */
    breachFinding: text(),
    breachedOn: date({ mode: "string" }),
    fulfilledOn: date({ mode: "string" }),
    /** a 违诺 is public like a 一般失信 record from its finding (lib/records/repair-eligibility) */
    breachPublicUntil: date({ mode: "string" }),
    breachRepairableFrom: date({ mode: "string" }),
    breachRepairedAt: date({ mode: "string" }),
    findingBy: userRef(),
    unrepairable: boolean().notNull().default(false),
    createdBy: userRef(),
    ...timestamps,
  },
  (t) => [index().on(t.subjectId), index().on(t.status, t.type)],
);

export type Commitment = typeof commitments.$inferSelect;

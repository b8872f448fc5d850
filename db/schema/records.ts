import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { PENALTY_TYPES } from "../../lib/records/disclosure";
import { type CHANGE_ACTIONS, RECORD_CHANNELS } from "../../lib/records/provenance";
import { timestamps } from "./_columns";
import { deptRef, subjectRef, userRef } from "./_refs";

export const recordStatus = pgEnum("record_status", ["active", "withdrawn", "repaired"]);
/** how a record reached the platform (issue 25 §2) */
export const recordChannel = pgEnum("record_channel", RECORD_CHANNELS);
export const severity = pgEnum("severity", ["general", "serious"]);
export const penaltyType = pgEnum("penalty_type", PENALTY_TYPES);
/** 行政相对人类别 of the national standard */
export const counterpartCategory = pgEnum("counterpart_category", [
  "legal_entity",
  "natural_person",
  "individual_business",
]);
export const licenceCategory = pgEnum("licence_category", ["普通", "特许", "认可", "核准", "登记", "其他"]);
export const adminActKind = pgEnum("admin_act_kind", [
  "enforcement", // 行政强制
  "confirmation", // 行政确认
  "levy", // 行政征收
  "benefit", // 行政给付
  "adjudication", // 行政裁决
  "compensation", // 行政补偿
  "reward", // 行政奖励
  "inspection", // 行政监督检查
]);

/** Columns every administrative decision shares (DOMAIN §3): unique by 数据来源单位 + 决定书文号. */
const decisionColumns = () => ({
  id: bigserial({ mode: "number" }).primaryKey(),
  subjectId: subjectRef().notNull(),
  /** 行政相对人名称 as written on the decision */
  counterpartName: varchar({ length: 200 }).notNull(),
  counterpartCategory: counterpartCategory().notNull(),
  legalRepresentative: varchar({ length: 64 }),
  decisionNo: varchar({ length: 128 }).notNull(),
  decisionDate: date({ mode: "string" }).notNull(),
  authorityDeptId: deptRef().notNull(),
  sourceDeptId: deptRef().notNull(),
  status: recordStatus().notNull().default("active"),
  channel: recordChannel().notNull().default("console"),
  withdrawnReason: text(),
  remarks: text(),
  createdBy: userRef(),
  updatedBy: userRef(),
  ...timestamps,
});

/** 行政处罚 */
export const penalties = pgTable(
  "penalties",
  {
    ...decisionColumns(),
    violationType: varchar({ length: 200 }).notNull(),
    violationFacts: text().notNull(),
    legalBasis: text().notNull(),
    penaltyTypes: penaltyType().array().notNull(),
    penaltyContent: text().notNull(),
    /** 罚款金额 (万元) */
    fineAmount: numeric({ precision: 14, scale: 6 }),
    /** 没收违法所得、没收非法财物的金额 (万元) */
    confiscatedAmount: numeric({ precision: 14, scale: 6 }),
    /** 暂扣或吊销证照名称及编号 */
    licenceAffected: varchar({ length: 256 }),
    /** 处罚有效期 */
    effectiveUntil: date({ mode: "string" }),
    severity: severity().notNull().default("general"),
    /** 公示截止期, computed by lib/publicity from decision date and severity */
    publicUntil: date({ mode: "string" }).notNull(),
    /** 可申请修复 from, computed by lib/publicity */
    repairableFrom: date({ mode: "string" }).notNull(),
    /** DOMAIN §3 threshold rule's answer at write time */
    disclosable: boolean().notNull(),
    /** an objection about it is being verified (DOMAIN §8: 核实中) */
    underVerification: boolean().notNull().default(false),
    repairedAt: date({ mode: "string" }),
    /** the law bars repair of this record (e.g. barred for life); set by the operator (DOMAIN §7) */
    unrepairable: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex().on(t.sourceDeptId, t.decisionNo),
    index().on(t.subjectId),
    index().on(t.decisionDate),
    index().on(t.authorityDeptId, t.decisionDate),
  ],
);

/** 行政许可 */
export const licences = pgTable(
  "licences",
  {
    ...decisionColumns(),
    /** 行政许可决定文书名称 */
    decisionTitle: varchar({ length: 200 }).notNull(),
    category: licenceCategory().notNull(),
    certificateName: varchar({ length: 200 }),
    licenceNo: varchar({ length: 128 }),
    content: text().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    /** DOMAIN §8: shown 核实中 while an objection to it is verified */
    underVerification: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex().on(t.sourceDeptId, t.decisionNo),
    index().on(t.subjectId),
    index().on(t.decisionDate),
    index().on(t.authorityDeptId, t.decisionDate),
  ],
);

/** 行政强制, 确认, 征收, 给付, 裁决, 补偿, 奖励, 监督检查: one generic shape (DOMAIN §3). */
export const adminActs = pgTable(
  "admin_acts",
  {
    ...decisionColumns(),
    kind: adminActKind().notNull(),
    title: varchar({ length: 200 }).notNull(),
    content: text().notNull(),
    legalBasis: text(),
  },
  (t) => [
    uniqueIndex().on(t.sourceDeptId, t.decisionNo),
    index().on(t.subjectId),
    index().on(t.decisionDate),
  ],
);

export type Penalty = typeof penalties.$inferSelect;
export type NewPenalty = typeof penalties.$inferInsert;
export type Licence = typeof licences.$inferSelect;
export type NewLicence = typeof licences.$inferInsert;
export type AdminAct = typeof adminActs.$inferSelect;

/** The three record kinds of DOMAIN §3 and their tables: one place that maps the one to the other. */
export type RecordKind = "penalty" | "licence" | "act";
export const RECORD_TABLES = { penalty: penalties, licence: licences, act: adminActs } as const;

/**
 * A public record's public changes after it was received (issue 25 §2): written by the trigger
 * record_changed() on every update of a penalty, licence or published list entry, with the context the
 * writing service set for its transaction (channel, ground, case number). Never edited.
 */
export const recordChanges = pgTable(
  "record_changes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    recordKind: varchar({ length: 16 }).notNull().$type<"penalty" | "licence" | "list_entry">(),
    recordId: bigint({ mode: "number" }).notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    action: varchar({ length: 16 }).notNull().$type<(typeof CHANGE_ACTIONS)[number]>(),
    channel: varchar({ length: 16 }).notNull(),
    basis: text(),
    caseNo: varchar({ length: 64 }),
    fields: jsonb().notNull().default([]),
  },
  (t) => [index().on(t.recordKind, t.recordId)],
);

import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import {
  LIST_DECISION_STATES,
  LIST_HISTORY_STEPS,
  LIST_KINDS,
  REMOVAL_REASONS,
} from "../../lib/workflows/list-decision";
import { timestamps } from "./_columns";
import { deptRef, subjectRef, userRef } from "./_refs";
import { recordChannel } from "./records";

/** DOMAIN §5: 守信激励 (红名单), 严重失信主体名单, 重点关注对象名单, 市场禁入. */
export const listKind = pgEnum("list_kind", LIST_KINDS);

/** The list-decision machine's states (lib/workflows/list-decision), and its history's steps. */
export const listEntryStatus = pgEnum("list_entry_status", LIST_DECISION_STATES);
export const listRemovalReason = pgEnum("list_removal_reason", ["expired", ...REMOVAL_REASONS]);
export const listEventStep = pgEnum("list_event_step", LIST_HISTORY_STEPS);

/** A named list, e.g. "A级纳税人" (red) or "拖欠农民工工资失信联合惩戒对象名单" (serious dishonesty). */
export const creditLists = pgTable("credit_lists", {
  id: bigserial({ mode: "number" }).primaryKey(),
  kind: listKind().notNull(),
  name: varchar({ length: 128 }).notNull().unique(),
  ownerDeptId: deptRef().notNull(),
  legalBasis: text().notNull(),
  validityMonths: smallint().notNull(),
  ...timestamps,
});

export const listEntries = pgTable(
  "list_entries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    listId: bigint({ mode: "number" })
      .notNull()
      .references(() => creditLists.id),
    /** denormalised from the list for the public filters */
    kind: listKind().notNull(),
    subjectId: subjectRef().notNull(),
    status: listEntryStatus().notNull(),
    caseNo: varchar({ length: 64 }).notNull(),
    /** 认定单位 */
    deptId: deptRef().notNull(),
    /** 认定依据 */
    basis: text().notNull(),
    /** the penalties the listing rests on (issue 21: a proposal cites its records, not free text alone) */
    basisPenaltyIds: bigint({ mode: "number" }).array().notNull().default([]),
    /** 失信行为 / 守信事实 */
    facts: text().notNull(),
    /** 市场禁入: the barred field */
    bannedField: varchar({ length: 128 }),
    noticeDate: date({ mode: "string" }),
    statementDeadline: date({ mode: "string" }),
    decisionDate: date({ mode: "string" }),
    decisionNo: varchar({ length: 128 }),
    publishedAt: timestamp({ withTimezone: true }),
    validFrom: date({ mode: "string" }),
    validUntil: date({ mode: "string" }),
    removedOn: date({ mode: "string" }),
    removalReason: listRemovalReason(),
    removalNote: text(),
    /** DOMAIN §5: while an objection is verified the entry shows 核实中 and joint punishment is off */
    underVerification: boolean().notNull().default(false),
    unrepairable: boolean().notNull().default(false),
    channel: recordChannel().notNull().default("console"),
    /** the proposal's 有效期 in months; the dates are set by the decision */
    validityMonths: smallint(),
    /** 陈述申辩: what the subject said, and when (the decision may then be made before the deadline) */
    statement: text(),
    statementOn: date({ mode: "string" }),
    /** 不予认定 / 认定: the reviewer's reasons */
    decisionReason: text(),
    decidedBy: userRef(),
    /** the proposer (审录分离: never the one who decides) */
    createdBy: userRef(),
    ...timestamps,
  },
  (t) => [
    index().on(t.subjectId),
    index().on(t.kind, t.status, t.validUntil),
    index().on(t.listId, t.decisionDate),
    // the home page's latest publications, newest first: read backwards and stop, not sort every entry
    index().on(t.decisionDate, t.id),
  ],
);

/** Every step of an entry's life, with who did it: DOMAIN §5 "every step recorded". */
export const listEntryEvents = pgTable(
  "list_entry_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    entryId: bigint({ mode: "number" })
      .notNull()
      .references(() => listEntries.id),
    step: listEventStep().notNull(),
    on: date({ mode: "string" }).notNull(),
    actorId: userRef(),
    documentNo: varchar({ length: 128 }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.entryId)],
);

/**
 * Issue 20 N4: besides the list's owner, the departments a sysadmin made competent to propose entries on it (a
 * city's market regulator on the province's market list, for subjects of its city).
 */
export const creditListDepartments = pgTable(
  "credit_list_departments",
  {
    listId: bigint({ mode: "number" })
      .notNull()
      .references(() => creditLists.id),
    deptId: deptRef().notNull(),
    grantedBy: userRef(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.deptId] })],
);

export type CreditList = typeof creditLists.$inferSelect;
export type ListEntry = typeof listEntries.$inferSelect;
export type ListKind = (typeof listKind.enumValues)[number];

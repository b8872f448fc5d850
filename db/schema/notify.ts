import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { CHANNELS } from "../../lib/notify/delivery";
import { NOTICE_KINDS, SERVICE_METHODS } from "../../lib/notify/service";
import { subjectRef, userRef } from "./_refs";
import { caseFiles } from "./cases";
import { webhooks } from "./watchlist";

export const noticeKind = pgEnum("notice_kind", NOTICE_KINDS);
export const serviceMethod = pgEnum("service_method", SERVICE_METHODS);

/**
 * Issue 22 §3: a notice with a legal effect (a 告知, a repair decision, an objection outcome) and how it was served.
 * `case_type`/`case_id` name the case as its history does ("list_entry", or a registered case kind).
 */
export const notices = pgTable(
  "notices",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: noticeKind().notNull(),
    caseType: varchar({ length: 16 }).notNull(),
    caseId: bigint({ mode: "number" }).notNull(),
    caseNo: varchar({ length: 32 }).notNull(),
    /** the addressee when it is a subject; an objector is reached by the contact on its case */
    subjectId: subjectRef(),
    issuedOn: date({ mode: "string" }).notNull(),
    issuedBy: userRef(),
    servedAt: timestamp({ withTimezone: true }),
    servedOn: date({ mode: "string" }),
    serviceMethod: serviceMethod(),
    /** the gateway's answer, or the officer's account of a paper service */
    serviceNote: text(),
    /** the officer who recorded a paper service; null when the system recorded it */
    servedBy: userRef(),
    /** the signed 送达回证, scanned */
    scanFileId: bigint({ mode: "number" }).references(() => caseFiles.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.kind, t.caseType, t.caseId), index().on(t.subjectId)],
);

export const outboxChannel = pgEnum("outbox_channel", CHANNELS);
export const outboxState = pgEnum("outbox_state", ["pending", "delivered", "failed"]);

/**
 * Issue 22 §1, the transactional outbox: written in the transaction of the step it reports, delivered afterwards
 * by a worker (server/notify/worker) with retries. `dedupe_key` makes writing a message twice harmless;
 * `claimed_until` is a worker's lease, so a worker that dies mid-delivery leaves the message to the next.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    channel: outboxChannel().notNull(),
    template: varchar({ length: 40 }).notNull(),
    payload: jsonb().$type<Record<string, string | number>>().notNull(),
    recipientUserId: userRef(),
    /** an e-mail address, a phone number or a URL, for the channels that need one */
    address: varchar({ length: 320 }),
    href: varchar({ length: 200 }),
    noticeId: bigint({ mode: "number" }).references(() => notices.id),
    /** a follower's webhook (channel webhook) */
    webhookId: integer().references(() => webhooks.id),
    dedupeKey: varchar({ length: 200 }).notNull().unique(),
    state: outboxState().notNull().default("pending"),
    attempts: smallint().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    /** the receiving server's or gateway's answer, or the last failure */
    answer: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due").on(t.nextAttemptAt).where(sql`state = 'pending'`),
    index().on(t.noticeId),
    index().on(t.webhookId),
  ],
);

/** 站内信: what a signed-in user reads in the portal or the console, with the time they first opened it. */
export const inboxMessages = pgTable(
  "inbox_messages",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    userId: userRef().notNull(),
    /** one outbox message is one 站内信, however often its delivery is retried */
    outboxId: bigint({ mode: "number" })
      .notNull()
      .unique()
      .references(() => outbox.id),
    noticeId: bigint({ mode: "number" }).references(() => notices.id),
    title: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    href: varchar({ length: 200 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId, t.createdAt)],
);

export type Notice = typeof notices.$inferSelect;

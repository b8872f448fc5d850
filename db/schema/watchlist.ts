import {
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { subjectRef, userRef } from "./_refs";

/** Issue 13 §6: the organisations a business account follows, with the day it began (changes since are shown). */
export const watchlist = pgTable(
  "watchlist",
  {
    userId: userRef().notNull(),
    subjectId: subjectRef().notNull(),
    addedOn: date({ mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectId] })],
);

export const webhookStatus = pgEnum("webhook_status", ["active", "paused"]);

/**
 * Issue 22 §2: a follower's HTTPS address, told of each new public record or list change of the subjects it follows.
 * Each delivery is signed with `secret` (shown once, when registered). Ten failures in a row pause it, with a reason.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    id: serial().primaryKey(),
    userId: userRef().notNull(),
    url: varchar({ length: 500 }).notNull(),
    secret: varchar({ length: 64 }).notNull(),
    status: webhookStatus().notNull().default("active"),
    failures: smallint().notNull().default(0),
    pausedReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

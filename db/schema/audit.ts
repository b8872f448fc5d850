import {
  bigserial,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";

export const auditOutcome = pgEnum("audit_outcome", ["success", "failure", "denied"]);

/**
 * Append-only (a trigger refuses UPDATE and DELETE) and hash-chained: hash = SHA-256(prev_hash ‖ canonical row).
 * No foreign keys: an audit row must outlive whatever it describes.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorId: integer(),
    actorName: varchar({ length: 64 }),
    action: varchar({ length: 64 }).notNull(),
    entityType: varchar({ length: 48 }),
    entityId: varchar({ length: 64 }),
    before: jsonb(),
    after: jsonb(),
    ip: varchar({ length: 64 }),
    userAgent: text(),
    outcome: auditOutcome().notNull(),
    prevHash: char({ length: 64 }).notNull(),
    hash: char({ length: 64 }).notNull().unique(),
  },
  (t) => [index().on(t.at), index().on(t.actorId), index().on(t.entityType, t.entityId)],
);

export type AuditRow = typeof auditLog.$inferSelect;

import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import type { NotifyPrefs } from "../../lib/notify/preferences";
import { INSTITUTION_KIND_KEYS } from "../../lib/platform/institutions";
import { timestamps } from "./_columns";
import { departments } from "./departments";
import { regions } from "./regions";
import { subjects } from "./subjects";

/** DOMAIN §11 三员分立: regulators' roles, plus business accounts bound to one subject. */
export const role = pgEnum("role", [
  "operator",
  "reviewer",
  "supervisor",
  "sysadmin",
  "auditor",
  "business",
  "editor",
]);
/** `pending`: a registered business account waiting for its activation code (issue 11 §1). */
export const userStatus = pgEnum("user_status", ["active", "disabled", "pending"]);

export const users = pgTable(
  "users",
  {
    id: serial().primaryKey(),
    username: varchar({ length: 64 }).notNull().unique(),
    displayName: varchar({ length: 64 }).notNull(),
    passwordHash: text().notNull(),
    status: userStatus().notNull().default("active"),
    mustChangePassword: boolean().notNull().default(true),
    failedAttempts: smallint().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** scope: a department (null for business accounts) and a region (the province code = all regions) */
    departmentId: integer().references(() => departments.id),
    regionCode: varchar({ length: 6 }).references(() => regions.code),
    /** business accounts act for exactly one subject */
    subjectId: bigint({ mode: "number" }).references(() => subjects.id),
    /** a business account's contact phone */
    phone: varchar({ length: 32 }),
    /** issue 22: set once the owner entered the code sent to it; only verified addresses are sent notices */
    phoneVerifiedAt: timestamp({ withTimezone: true }),
    email: varchar({ length: 254 }),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /** issue 22 §5: e-mail / SMS per kind of message (lib/notify/preferences); empty: the defaults */
    notifyPrefs: jsonb().$type<NotifyPrefs>().notNull().default({}),
    lastSignInAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.departmentId),
    // one business account per subject: nobody claims a company twice (issue 11 §1)
    uniqueIndex("users_one_account_per_subject").on(t.subjectId).where(sql`subject_id IS NOT NULL`),
  ],
);

/**
 * One-time codes a regulator of the subject's region issues so that a registered business account can be
 * activated (issue 11 §1): only a hash is kept; shown once, valid 7 days, used once; a new code revokes older.
 */
export const activationCodes = pgTable(
  "activation_codes",
  {
    id: serial().primaryKey(),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjects.id),
    codeHash: char({ length: 64 }).notNull().unique(),
    issuedBy: integer()
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    usedBy: integer().references(() => users.id),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.subjectId)],
);

/**
 * Issue 20 N14: failed attempts per (what is attempted, client address) — "user:12", "activation:345" — and for the
 * same scope across all addresses (address "*"). Five failures lock the scope for the address they came from; the
 * slower back-off across addresses is lib/access/lockout's.
 */
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    scope: varchar({ length: 64 }).notNull(),
    address: varchar({ length: 64 }).notNull(),
    failedAttempts: smallint().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.address] })],
);

/**
 * Issue 24: the token buckets of every rate limit, shared by all app nodes (take_token(), generated from
 * lib/access/rate-limit). Unlogged: a bucket lost in a crash is only a full one.
 */
export const rateBuckets = pgTable(
  "rate_buckets",
  {
    name: varchar({ length: 64 }).notNull(),
    key: varchar({ length: 128 }).notNull(),
    tokens: doublePrecision().notNull(),
    /** milliseconds since the epoch, by the database's clock: the one clock every node shares */
    atMs: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.key] })],
);

/** Proof-of-work solutions already accepted (server/pow.ts), on every node: each is accepted once. */
export const powSpent = pgTable("pow_spent", {
  signature: varchar({ length: 128 }).primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

/** A company's request for a portal account (issue 20 N7): it claims nothing until a code activates it. */
export const registrationStatus = pgEnum("registration_status", [
  "pending",
  "activated",
  "rejected",
  "expired",
]);

export const businessRegistrations = pgTable(
  "business_registrations",
  {
    id: serial().primaryKey(),
    subjectId: bigint({ mode: "number" })
      .notNull()
      .references(() => subjects.id),
    contactName: varchar({ length: 64 }).notNull(),
    phone: varchar({ length: 32 }).notNull(),
    passwordHash: text().notNull(),
    status: registrationStatus().notNull().default("pending"),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** the regulator who rejected it, or the account it became */
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    reason: text(),
    userId: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [index().on(t.subjectId, t.status)],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const totpRecoveryCodes = pgTable("totp_recovery_codes", {
  id: serial().primaryKey(),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  codeHash: char({ length: 64 }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
});

/** Per-department keys for the provider API; only a hash is stored. */
/** Issue 23 §2: a bank or a tender agency authorised in writing to query beyond the public view. */
export const institutionKind = pgEnum("institution_kind", INSTITUTION_KIND_KEYS);

export const institutions = pgTable("institutions", {
  id: serial().primaryKey(),
  name: varchar({ length: 128 }).notNull(),
  kind: institutionKind().notNull(),
  uscc: char({ length: 18 }).notNull().unique(),
  /** the authorisation document's number, e.g. 赣信用授〔2026〕3号 */
  authorisationNo: varchar({ length: 64 }).notNull(),
  authorisedUntil: date({ mode: "string" }).notNull(),
  /** catalogue data classes and purposes the authorisation covers (lib/platform) */
  dataClasses: text().array().notNull(),
  purposes: text().array().notNull(),
  active: boolean().notNull().default(true),
  createdBy: integer().references(() => users.id),
  ...timestamps,
});

/**
 * A system's key: a department's (报送, 联合奖惩核查) or an authorised institution's (授权查询) — exactly one of
 * the two.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: serial().primaryKey(),
    departmentId: integer().references(() => departments.id),
    institutionId: integer().references(() => institutions.id),
    label: varchar({ length: 64 }).notNull(),
    prefix: varchar({ length: 12 }).notNull().unique(),
    keyHash: char({ length: 64 }).notNull(),
    /** what the key may call (lib/access/api-key-scopes) */
    scopes: text().array().notNull().default(["provider"]),
    createdBy: integer().references(() => users.id),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [check("api_keys_one_owner", sql`(${t.departmentId} IS NULL) <> (${t.institutionId} IS NULL)`)],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof role.enumValues)[number];

/**
 * A signed-in browser session. The cookie only names it (`sid`); the guard reads this row and the account on
 * every request, so sign-out, a disabled account, the 30-minute idle and the 12-hour absolute limit all take
 * effect at once (DOMAIN §11).
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: char({ length: 36 }).primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** one-time proof handed from the sign-in action to next-auth's authorize(); cleared when redeemed */
    ticketHash: char({ length: 64 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: varchar({ length: 64 }),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Issue 22 §2: a code sent to an address its owner wants notices at; only its hash is kept. Ten minutes, five tries;
 * the address is verified when the code comes back.
 */
export const contactVerifications = pgTable(
  "contact_verifications",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: varchar({ length: 8 }).notNull(),
    address: varchar({ length: 254 }).notNull(),
    codeHash: char({ length: 64 }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    attempts: smallint().notNull().default(0),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.channel)],
);

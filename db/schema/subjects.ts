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
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { SUBJECT_KIND_KEYS } from "../../lib/subjects/subject-kinds";
import { NAME_REVIEW_STATES } from "../../lib/workflows/name-review";
import { timestamps } from "./_columns";
import { departments } from "./departments";
import { regions } from "./regions";

export const subjectKind = pgEnum("subject_kind", SUBJECT_KIND_KEYS);
export const subjectStatus = pgEnum("subject_status", ["active", "deregistered", "revoked"]);

/**
 * 信用主体. Organisations and 个体工商户 are identified by USCC; natural persons by an opaque public id,
 * with the ID number kept only as an HMAC digest (for matching) and an encrypted copy (for the console).
 */
export const subjects = pgTable(
  "subjects",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    publicId: varchar({ length: 24 }).notNull().unique(),
    kind: subjectKind().notNull(),
    uscc: char({ length: 18 }),
    name: varchar({ length: 200 }).notNull(),
    /** the name as searched: fold_name() (lib/subjects/fold) — half-width, simplified, ASCII lower case */
    nameFolded: text().notNull().generatedAlwaysAs(sql`fold_name(name)`),
    // 1- and 2-character substrings of the folded name, GIN-indexed: the only index that serves 1–2-character
    // CJK terms (STACK-NOTES).
    nameGrams: text().array().notNull().generatedAlwaysAs(sql`cjk_grams(fold_name(name))`),
    nameInitials: varchar({ length: 200 }).notNull().default(""),
    initialsGrams: text().array().notNull().generatedAlwaysAs(sql`cjk_grams(name_initials)`),
    legalRepresentative: varchar({ length: 64 }),
    idNumberDigest: char({ length: 64 }),
    idNumberCipher: text(),
    idNumberMasked: varchar({ length: 18 }),
    regionCode: varchar({ length: 6 }).references(() => regions.code),
    /** GB/T 4754 门类 letter (A–T), for supervision pools. */
    industry: char({ length: 1 }),
    address: varchar({ length: 256 }),
    registeredOn: date({ mode: "string" }),
    status: subjectStatus().notNull().default("active"),
    /** the last time a record about this subject changed, for ordering search results */
    lastActivityOn: date({ mode: "string" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex().on(t.uscc),
    uniqueIndex().on(t.idNumberDigest),
    index("subjects_name_grams_idx").using("gin", t.nameGrams),
    index("subjects_initials_grams_idx").using("gin", t.initialsGrams),
    // text_pattern_ops: LIKE 'nc%' uses the index whatever the database collation
    index("subjects_initials_prefix_idx").on(t.nameInitials.op("text_pattern_ops")),
    index().on(t.name),
    index().on(t.regionCode, t.kind),
  ],
);

export const nameReviewStatus = pgEnum("name_review_status", NAME_REVIEW_STATES);

/**
 * A record arrived with a known USCC but another name: flagged for review, never silently renamed. It belongs
 * to the department whose record raised it: only that department's reviewers see and settle it (issue 9 §4).
 */
export const subjectNameReviews = pgTable("subject_name_reviews", {
  id: bigserial({ mode: "number" }).primaryKey(),
  subjectId: bigint({ mode: "number" })
    .notNull()
    .references(() => subjects.id),
  departmentId: integer().references(() => departments.id),
  currentName: varchar({ length: 200 }).notNull(),
  proposedName: varchar({ length: 200 }).notNull(),
  source: varchar({ length: 200 }).notNull(),
  status: nameReviewStatus().notNull().default("pending"),
  decidedBy: integer(),
  ...timestamps,
});

export type Subject = typeof subjects.$inferSelect;
export type NewSubject = typeof subjects.$inferInsert;

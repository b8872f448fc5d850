import {
  bigserial,
  char,
  customType,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { subjectRef, userRef } from "./_refs";

/** Raw bytes (PostgreSQL bytea), as a Buffer both drivers hand back. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

/** Who a report was made for: anyone (what is public), or the subject's own account (with its unpublished records). */
export const reportEdition = pgEnum("report_edition", ["public", "own"]);

/**
 * DOMAIN §10: issued credit reports, verifiable by number + code; the PDF's SHA-256 proves it untouched. The code
 * is kept only as its SHA-256 (it is printed on the report, and a leaked table must not let anyone verify as it).
 */
export const creditReports = pgTable("credit_reports", {
  id: bigserial({ mode: "number" }).primaryKey(),
  reportNo: varchar({ length: 32 }).notNull().unique(),
  subjectId: subjectRef().notNull(),
  edition: reportEdition().notNull(),
  codeHash: char({ length: 64 }).notNull(),
  sha256: char({ length: 64 }).notNull(),
  bytes: integer().notNull(),
  /** what the report was made from, as the profile read it at that moment */
  snapshot: jsonb().notNull(),
  /** the PDF itself (issue 20 N5): what /verify shows and hands back, to compare with the copy one holds */
  pdf: bytea(),
  requestedBy: userRef(),
  generatedAt: timestamp({ withTimezone: true }).notNull(),
});

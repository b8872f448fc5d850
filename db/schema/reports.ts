import { bigint, bigserial, char, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { subjects } from "./subjects";

/** DOMAIN §10: issued credit reports, verifiable by number + code; the PDF's hash proves it untouched. */
export const creditReports = pgTable("credit_reports", {
  id: bigserial({ mode: "number" }).primaryKey(),
  reportNo: varchar({ length: 32 }).notNull().unique(),
  subjectId: bigint({ mode: "number" })
    .notNull()
    .references(() => subjects.id),
  verificationCode: varchar({ length: 16 }).notNull(),
  sha256: char({ length: 64 }).notNull(),
  generatedAt: timestamp({ withTimezone: true }).notNull(),
});

import { and, eq, gte, lte, type SQL } from "drizzle-orm";
import { penalties } from "@/db/schema";
import type { IsoDate } from "@/lib/dates";

/**
 * The SQL form of lib/publicity.isPenaltyPublic. public_until is written by lib/publicity when the record is
 * saved, so the database only compares dates; an integration test holds the two to the same answers.
 */
export function penaltyIsPublic(today: IsoDate): SQL {
  return and(
    eq(penalties.status, "active"),
    eq(penalties.disclosable, true),
    lte(penalties.decisionDate, today),
    gte(penalties.publicUntil, today),
  ) as SQL;
}

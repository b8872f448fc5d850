import { and, type Column, eq, gte, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { commitments, licences, listEntries, penalties } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import type { DataClass } from "@/lib/platform/catalogue";

/**
 * Issue 23 §3: a department's item the resource catalogue classifies other than 公开 leaves every public surface
 * at once — pages, open data, the public API and statistics all read through the conditions below. A department
 * without a catalogue row supplies it publicly (lib/platform/catalogue DEFAULT_CLASSIFICATION).
 */
export const cataloguePublicSql = (dataClass: DataClass, deptColumn: string) =>
  `NOT EXISTS (SELECT 1 FROM catalogue_items ci WHERE ci.dept_id = ${deptColumn} AND ci.data_class = '${dataClass}' AND ci.classification <> 'public')`;
export const cataloguePublic = (dataClass: DataClass, dept: Column) =>
  sql`NOT EXISTS (SELECT 1 FROM catalogue_items ci WHERE ci.dept_id = ${dept} AND ci.data_class = ${dataClass} AND ci.classification <> 'public')`;

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
    cataloguePublic("penalty", penalties.sourceDeptId),
  ) as SQL;
}

/** A list entry is public while published and within its validity (DOMAIN §4–5): no job needed. */
export function listEntryIsPublic(today: IsoDate): SQL {
  return and(
    eq(listEntries.status, "published"),
    lte(listEntries.validFrom, today),
    or(isNull(listEntries.validUntil), gte(listEntries.validUntil, today)),
    cataloguePublic("list_entry", listEntries.deptId),
  ) as SQL;
}

/** A list entry still binding (lib isListEntryInForce), in SQL: published, its validity not ended. */
export function listEntryInForce(today: IsoDate): SQL {
  return and(
    eq(listEntries.status, "published"),
    or(isNull(listEntries.validUntil), gte(listEntries.validUntil, today)),
  ) as SQL;
}

/** A licence is shown from its decision; it is current while within its validity, history after (DOMAIN §4). */
export function licenceIsPublic(today: IsoDate): SQL {
  return and(
    eq(licences.status, "active"),
    lte(licences.decisionDate, today),
    cataloguePublic("licence", licences.sourceDeptId),
  ) as SQL;
}

export function licenceIsCurrent(today: IsoDate): SQL {
  return and(
    licenceIsPublic(today),
    lte(licences.validFrom, today),
    or(isNull(licences.validTo), gte(licences.validTo, today)),
  ) as SQL;
}

/**
 * An approved commitment is public with its 履约 status (DOMAIN §6); a 违诺 is a negative record of its own,
 * so it leaves public view when its publicity ends or it is repaired (DOMAIN §7), and the commitment with it.
 * A 信用修复型 commitment names the record it repairs, so it stays between the company and its regulator.
 */
export function commitmentIsPublic(today: IsoDate): SQL {
  return sql`${commitments.status} = 'approved' AND ${commitments.type} <> 'repair' AND NOT (${commitments.fulfilment} = 'breached' AND (${commitments.breachRepairedAt} IS NOT NULL OR ${commitments.breachPublicUntil} < ${today})) AND ${cataloguePublic("commitment", commitments.deptId)}`;
}

/**
 * The same conditions for hand-written SQL (exports, search decoration). `alias` is the table alias and
 * `today` a parameter placeholder such as "$2".
 */
export const penaltyIsPublicSql = (alias: string, today: string) =>
  `${alias}.status = 'active' AND ${alias}.disclosable AND ${alias}.decision_date <= ${today} AND ${alias}.public_until >= ${today} AND ${cataloguePublicSql("penalty", `${alias}.source_dept_id`)}`;

export const listEntryIsPublicSql = (alias: string, today: string) =>
  `${alias}.status = 'published' AND ${alias}.valid_from <= ${today} AND (${alias}.valid_until IS NULL OR ${alias}.valid_until >= ${today}) AND ${cataloguePublicSql("list_entry", `${alias}.dept_id`)}`;

/** listEntryInForce for hand-written SQL: binding whatever the catalogue shows (a check reads it, issue 23 §1). */
export const listEntryInForceSql = (alias: string, today: string) =>
  `${alias}.status = 'published' AND (${alias}.valid_until IS NULL OR ${alias}.valid_until >= ${today})`;

export const licenceIsPublicSql = (alias: string, today: string) =>
  `${alias}.status = 'active' AND ${alias}.decision_date <= ${today} AND ${cataloguePublicSql("licence", `${alias}.source_dept_id`)}`;

export const commitmentIsPublicSql = (alias: string, today: string) =>
  `${alias}.status = 'approved' AND ${alias}.type <> 'repair' AND NOT (${alias}.fulfilment = 'breached' AND (${alias}.breach_repaired_at IS NOT NULL OR ${alias}.breach_public_until < ${today})) AND ${cataloguePublicSql("commitment", `${alias}.dept_id`)}`;

import { addDays, addMonths, compareDates, type IsoDate } from "../calendar/dates";

export type Severity = "general" | "serious";

/**
 * National measures on credit-information repair (NDRC Order 58, 2023) art. 8 / DOMAIN §4:
 * 一般失信 penalties are public for at least 3 and at most 12 months, 严重失信 for at least 12 and at most 36.
 */
export const PUBLICITY_MONTHS: Record<Severity, { min: number; max: number }> = {
  general: { min: 3, max: 12 },
  serious: { min: 12, max: 36 },
};

export type PublicityWindow = {
  /** first day the record is public (the decision date) */
  publicFrom: IsoDate;
  /** 公示截止: last day it is public (the maximum period) */
  publicUntil: IsoDate;
  /** 可申请信用修复 自: first day after the minimum period */
  repairableFrom: IsoDate;
};

/**
 * Periods run from the decision date; by Civil Code arts. 201–202 the day of the decision is not counted
 * and a period of months ends on the corresponding day of the last month, which is still inside it.
 */
export function penaltyPublicityWindow(decisionDate: IsoDate, severity: Severity): PublicityWindow {
  const months = PUBLICITY_MONTHS[severity];
  return {
    publicFrom: decisionDate,
    publicUntil: addMonths(decisionDate, months.max),
    repairableFrom: addDays(addMonths(decisionDate, months.min), 1),
  };
}

export type RecordStatus = "active" | "withdrawn" | "repaired";

export type PenaltyVisibilityInput = {
  decisionDate: IsoDate;
  severity: Severity;
  status: RecordStatus;
  /** the §3 threshold rule's answer, see isPenaltyDisclosable */
  disclosable: boolean;
};

/** DOMAIN §4: public from the decision date through 公示截止; withdrawn, repaired and non-disclosable never. */
export function isPenaltyPublic(p: PenaltyVisibilityInput, today: IsoDate): boolean {
  if (p.status !== "active" || !p.disclosable) return false;
  const w = penaltyPublicityWindow(p.decisionDate, p.severity);
  return compareDates(w.publicFrom, today) <= 0 && compareDates(today, w.publicUntil) <= 0;
}

/** DOMAIN §7: repair may be applied for once the minimum period has passed. */
export function isRepairWindowOpen(decisionDate: IsoDate, severity: Severity, today: IsoDate): boolean {
  return compareDates(today, penaltyPublicityWindow(decisionDate, severity).repairableFrom) >= 0;
}

/** DOMAIN §4: licences and list entries are current while today lies within their validity (open-ended if no end). */
export function isWithinValidity(validFrom: IsoDate, validUntil: IsoDate | null, today: IsoDate): boolean {
  return compareDates(validFrom, today) <= 0 && (validUntil === null || compareDates(today, validUntil) <= 0);
}

/**
 * DOMAIN §5: a list entry binds while it is published and its validity has not ended — the rule for "already on the
 * list", for its repair, and for the subject's own view.
 */
export function isListEntryInForce(
  e: { status: string; validUntil: IsoDate | null },
  today: IsoDate,
): boolean {
  return e.status === "published" && (e.validUntil === null || compareDates(today, e.validUntil) <= 0);
}

import { addDays, addMonths, compareDates, type IsoDate } from "../calendar/dates";
import { penaltyPublicityWindow } from "./publicity";

/**
 * DOMAIN §7 who may apply for credit repair, and when. A negative record is repairable once its minimum
 * publicity period has passed: a penalty by its severity (§4), a 违诺 like a 一般失信 record from the day of the
 * finding (ours), a list entry under its list's rules (ours: 严重失信 12 months, 重点关注 3 months from the
 * entry's start; a 市场禁入 runs its term and is not repaired).
 */
/** The records a business may apply to repair (DOMAIN §7): a penalty, a 违诺, an entry on a negative list. */
export const REPAIR_TARGETS = ["penalty", "commitment", "list_entry"] as const;
export type RepairTargetType = (typeof REPAIR_TARGETS)[number];

export const LIST_REPAIR_MIN_MONTHS = { serious_dishonesty: 12, key_attention: 3 } as const;
export type RepairableListKind = keyof typeof LIST_REPAIR_MIN_MONTHS;

export const breachRepairableFrom = (breachedOn: IsoDate): IsoDate =>
  penaltyPublicityWindow(breachedOn, "general").repairableFrom;
export const breachPublicUntil = (breachedOn: IsoDate): IsoDate =>
  penaltyPublicityWindow(breachedOn, "general").publicUntil;

export function listEntryRepairableFrom(kind: string, validFrom: IsoDate): IsoDate | null {
  const months = LIST_REPAIR_MIN_MONTHS[kind as RepairableListKind];
  return months === undefined ? null : addDays(addMonths(validFrom, months), 1);
}

export type RepairTarget = {
  /** first day an application is possible; null when the kind of record is never repaired */
  repairableFrom: IsoDate | null;
  /** the operator marked it unrepairable (e.g. barred for life) */
  unrepairable: boolean;
  /** already repaired, withdrawn, or no longer public: nothing left to repair */
  closed: boolean;
};

export type RepairRefusal = { reason: string; possibleFrom?: IsoDate };

/**
 * Null when an application may be made today; otherwise why not and, when it is only a matter of time, the
 * first day it becomes possible. `lastRefusedOn` is the day the latest application for the same record was
 * refused on the merits (不予修复; lib/workflows/repair REPAIR_REFUSED).
 */
export function repairRefusal(
  t: RepairTarget,
  today: IsoDate,
  lastRefusedOn: IsoDate | null,
  retryMonths: number,
): RepairRefusal | null {
  if (t.closed) return { reason: "该记录已不在公示中，无需申请信用修复。" };
  if (t.unrepairable || t.repairableFrom === null)
    return { reason: "依照有关规定，该记录不可申请信用修复。" };
  const again = lastRefusedOn ? addMonths(lastRefusedOn, retryMonths) : null;
  // the later of the two days: both rules must be met
  const retryLater = again !== null && compareDates(again, t.repairableFrom) > 0;
  if (compareDates(today, t.repairableFrom) < 0 && !retryLater)
    return {
      reason: `该记录的最短公示期尚未届满，${t.repairableFrom} 起方可申请信用修复。`,
      possibleFrom: t.repairableFrom,
    };
  if (again !== null && compareDates(today, again) < 0)
    return {
      reason: `该记录的修复申请于 ${lastRefusedOn} 经审核不予修复，${retryMonths} 个月内不能再次申请；${again} 起可再次申请。`,
      possibleFrom: again,
    };
  return null;
}

import type { IsoDate } from "../calendar/dates";
import type { WorkingCalendar } from "../calendar/working-days";
import { checkUscc } from "../subjects/uscc";
import { dueOn } from "../workflows/deadlines";

/**
 * The data-quality board (issue 23 §4; 2020 plan §28, 2023 plan §14): each department's 双公示 records by month —
 * online within 7 working days of the decision, required fields present, values valid — and the province's
 * USCC error and duplicate rate (重错码率) against its target of 1 in 10,000.
 */
export const ONLINE_WITHIN_WORKING_DAYS = 7;
export const USCC_RATE_TARGET = 1 / 10_000;

/** The last day a decision may go online and still count as timely. */
export const onlineDeadline = (cal: WorkingCalendar, decisionDate: IsoDate): IsoDate =>
  dueOn(cal, decisionDate, ONLINE_WITHIN_WORKING_DAYS);

export type QualityRecord = {
  kind: "penalty" | "licence";
  counterpartCategory: "legal_entity" | "natural_person" | "individual_business";
  legalRepresentative: string | null;
  penaltyTypes?: readonly string[];
  fineAmount?: string | null;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
  decisionDate: IsoDate;
  onlineOn: IsoDate;
};

/**
 * The fields the national 双公示 standard requires beyond the columns the database already insists on: a legal
 * entity's 法定代表人, and the amount of a penalty that fines.
 */
export function missingFields(r: QualityRecord): string[] {
  const missing: string[] = [];
  if (r.counterpartCategory === "legal_entity" && !r.legalRepresentative?.trim()) missing.push("法定代表人");
  if (r.kind === "penalty" && r.penaltyTypes?.includes("罚款") && (r.fineAmount ?? null) === null)
    missing.push("罚款金额");
  return missing;
}

/** Values that cannot be right: a decision after it went online, a licence valid to before it is valid from. */
export function invalidValues(r: QualityRecord): string[] {
  const bad: string[] = [];
  if (r.decisionDate > r.onlineOn) bad.push("决定日期晚于上网日期");
  if (r.kind === "licence" && r.validFrom && r.validTo && r.validTo < r.validFrom)
    bad.push("有效期止早于有效期自");
  return bad;
}

/** Why a subject's code counts against the 重错码率: a wrong check character, or a name that holds two codes. */
export function usccFault(uscc: string, codesOfName: number): "error" | "duplicate" | null {
  if (!checkUscc(uscc).valid) return "error";
  return codesOfName > 1 ? "duplicate" : null;
}

export const share = (n: number, of: number): number | null => (of === 0 ? null : n / of);

export const percent = (r: number | null): string => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** A rate per 10,000 (万分之), the unit the target is set in. */
export const perTenThousand = (r: number | null): string =>
  r === null ? "—" : `${(r * 10_000).toFixed(2)}‱`;

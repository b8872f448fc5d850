/**
 * Policy choices marked "(ours)" in DOMAIN.md: defaults a sysadmin may change through the settings table.
 * National rules (publicity periods) are not here: they are law, not settings.
 */
export type Grade = "A" | "B" | "C" | "D";

export type Policy = {
  /** §3: fines below this (万元) for organisations are recorded but not disclosed. */
  disclosureFineThresholdWan: number;
  /** §5: working days between 告知 and the serious-dishonesty decision. */
  statementPeriodWorkingDays: number;
  /** §5: default validity of list entries, in months. */
  listValidityMonths: { red: number; serious_dishonesty: number; key_attention: number; market_ban: number };
  /** §7: months after a refused repair before the same record may be applied for again. */
  repairRetryMonths: number;
  /** §7: working days to accept, then to decide, a repair case. */
  repairAcceptWorkingDays: number;
  repairDecideWorkingDays: number;
  /** §6: working days for the receiving department to review a commitment. */
  commitmentReviewWorkingDays: number;
  /** 2020 plan §11: working days to verify a self-reported item. */
  selfReportVerifyWorkingDays: number;
  /** §8: working days to answer an objection. */
  objectionAnswerWorkingDays: number;
  /** issue 23 §5: working days to answer a report of dishonest conduct (失信举报). */
  tipoffAnswerWorkingDays: number;
  /** §9: inspection ratios per grade, as fractions. */
  inspectionRatios: Record<Grade, number>;
  /** §12: open-data API requests per client per minute */
  apiRateLimitPerMinute: number;
  /** §11 hardening: sign-in attempts per client address per minute, whatever the account */
  signInAttemptsPerMinute: number;
  /** §12 bulk import: rows one file may hold (issue 20 N2: a file past it is refused whole) */
  importMaxRows: number;
  /**
   * issue 25 §4: the open-data files are produced nightly; with this above 0 also after each change batch, once
   * the records have stood still for this many minutes
   */
  openDataBatchQuietMinutes: number;
  /** issue 25 §3: how many generations of files are kept (the oldest is the earliest a delta can start from) */
  openDataRetainedFiles: number;
};

export const DEFAULT_POLICY: Policy = {
  disclosureFineThresholdWan: 1,
  statementPeriodWorkingDays: 5,
  listValidityMonths: { red: 36, serious_dishonesty: 36, key_attention: 12, market_ban: 60 },
  repairRetryMonths: 6,
  repairAcceptWorkingDays: 2,
  repairDecideWorkingDays: 5,
  commitmentReviewWorkingDays: 5,
  selfReportVerifyWorkingDays: 5,
  objectionAnswerWorkingDays: 15,
  tipoffAnswerWorkingDays: 20,
  inspectionRatios: { A: 0.03, B: 0.05, C: 0.1, D: 0.3 },
  apiRateLimitPerMinute: 600,
  signInAttemptsPerMinute: 20,
  importMaxRows: 200_000,
  openDataBatchQuietMinutes: 10,
  openDataRetainedFiles: 14,
};

import type { IsoDate } from "../calendar/dates";
import type { SubjectKind } from "../subjects/subject-kinds";

/**
 * 政务诚信 (2014 plan; issue 23 §6): organs and public institutions are held to their own promises to the public
 * (招商引资、政府采购合同、公共服务承诺) and their dishonesty is recorded and listed like anyone's.
 */
export const GOVERNMENT_KINDS: readonly SubjectKind[] = ["government", "institution"];
export const isGovernmentBody = (kind: SubjectKind) => GOVERNMENT_KINDS.includes(kind);

export const GOV_COMMITMENT_STATES = ["in_progress", "fulfilled", "breached"] as const;
export type GovCommitmentState = (typeof GOV_COMMITMENT_STATES)[number];
export const GOV_COMMITMENT_LABELS: Record<GovCommitmentState, string> = {
  in_progress: "履约中",
  fulfilled: "已履约",
  breached: "未履约",
};

export const GOV_DISHONESTY_KINDS = ["arrears", "enforcement", "contract_breach", "other"] as const;
export type GovDishonestyKind = (typeof GOV_DISHONESTY_KINDS)[number];
export const GOV_DISHONESTY_LABELS: Record<GovDishonestyKind, string> = {
  arrears: "拖欠民营企业、中小企业账款",
  enforcement: "被列为失信被执行人",
  contract_breach: "违约毁约（招商引资、政府采购等）",
  other: "其他政务失信行为",
};

/** A promise whose date passed while still 履约中 reads as overdue: the public sees it, not only its state. */
export function govCommitmentStanding(
  c: { status: GovCommitmentState; dueOn: IsoDate | null },
  today: IsoDate,
): string {
  if (c.status === "in_progress" && c.dueOn !== null && c.dueOn < today) return "逾期未履约";
  return GOV_COMMITMENT_LABELS[c.status];
}

/** A record of government dishonesty is on the public list until it is settled, then in the body's history. */
export const onGovDishonestyList = (r: { settledOn: IsoDate | null }, today: IsoDate) =>
  r.settledOn === null || r.settledOn > today;

/** Who a government-integrity record may be written about, and its settle date. */
export function govRecordProblem(
  subjectKind: SubjectKind,
  r: { decidedOn: IsoDate; settledOn?: IsoDate | null },
  today: IsoDate,
): string | null {
  if (!isGovernmentBody(subjectKind)) return "政务诚信记录只能记在机关或事业单位名下。";
  if (r.decidedOn > today) return "认定日期不能晚于今天。";
  if (r.settledOn && r.settledOn < r.decidedOn) return "履行（清偿）日期不能早于认定日期。";
  return null;
}

import type { SubjectKind } from "../subjects/subject-kinds";

/** 处罚类别 of GB/T and the national 双公示 data standard. */
export const PENALTY_TYPES = [
  "警告",
  "通报批评",
  "罚款",
  "没收违法所得",
  "没收非法财物",
  "暂扣许可证件",
  "降低资质等级",
  "吊销许可证件",
  "限制开展生产经营活动",
  "责令停产停业",
  "责令关闭",
  "限制从业",
  "行政拘留",
  "其他",
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

const MINOR_ONLY: ReadonlySet<PenaltyType> = new Set(["警告", "通报批评"]);

export type DisclosureInput = {
  penaltyTypes: readonly PenaltyType[];
  /** 罚款金额, 万元 */
  fineAmountWan: number | null;
  subjectKind: SubjectKind;
};

/**
 * DOMAIN §3: penalties of only 警告/通报批评, or an organisation's penalty that is only a fine below the
 * threshold (ours, default 1 万元), are recorded but not publicly disclosed.
 */
export function isPenaltyDisclosable(p: DisclosureInput, thresholdWan: number): boolean {
  if (p.penaltyTypes.length === 0) return true;
  if (p.penaltyTypes.every((t) => MINOR_ONLY.has(t))) return false;
  const onlyFineAndMinor = p.penaltyTypes.every((t) => t === "罚款" || MINOR_ONLY.has(t));
  const isOrganisation = p.subjectKind !== "natural_person";
  if (isOrganisation && onlyFineAndMinor && (p.fineAmountWan ?? 0) < thresholdWan) return false;
  return true;
}

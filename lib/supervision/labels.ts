import { INDUSTRIES } from "../subjects/industries";
import { SUBJECT_KINDS } from "../subjects/subject-kinds";
import type { PoolFilter } from "./pool";

/** Issue 12 §4: what an inspection found. */
export const INSPECTION_RESULT_LABEL = { qualified: "合格", rectify: "责令整改", case: "立案" } as const;

/** A pool's filter in words: 「南昌市 · 企业法人 · 制造业」, or 「全省全部市场主体」. */
export function drawPoolLabel(pool: PoolFilter, regionName: string | null): string {
  const parts = [
    pool.regionCode ? (regionName ?? pool.regionCode) : "全省",
    pool.kind ? SUBJECT_KINDS[pool.kind] : "全部主体类型（不含机关）",
    ...(pool.industry ? [INDUSTRIES[pool.industry] ?? pool.industry] : []),
  ];
  return parts.join(" · ");
}

/** A draw's number: CC, the year, six digits (given at confirmation). */
export const isDrawNo = (no: string) => /^CC\d{10}$/.test(no);

import { LIST_KIND_LABELS, LIST_KIND_SEGMENTS } from "../web/navigation";

export type ListKind = keyof typeof LIST_KIND_SEGMENTS;

/** /lists/{segment} → the database's list kind; null for anything else. */
export function listKindFromSegment(segment: string): ListKind | null {
  const hit = (Object.entries(LIST_KIND_SEGMENTS) as [ListKind, string][]).find(([, s]) => s === segment);
  return hit ? hit[0] : null;
}

export const listKindLabel = (k: ListKind) => LIST_KIND_LABELS[k];
export const listKindSegment = (k: ListKind) => LIST_KIND_SEGMENTS[k];

/** A list kind in a tab or a badge, where its full name does not fit. */
export const LIST_KIND_SHORT: Record<ListKind, string> = {
  red: "红名单",
  serious_dishonesty: "严重失信",
  key_attention: "重点关注",
  market_ban: "市场禁入",
};

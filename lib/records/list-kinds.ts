import { LIST_KIND_LABELS, LIST_KIND_SEGMENTS } from "../web/navigation";

export type ListKind = keyof typeof LIST_KIND_SEGMENTS;

/** /lists/{segment} → the database's list kind; null for anything else. */
export function listKindFromSegment(segment: string): ListKind | null {
  const hit = (Object.entries(LIST_KIND_SEGMENTS) as [ListKind, string][]).find(([, s]) => s === segment);
  return hit ? hit[0] : null;
}

export const listKindLabel = (k: ListKind) => LIST_KIND_LABELS[k];
export const listKindSegment = (k: ListKind) => LIST_KIND_SEGMENTS[k];

import type { Grade } from "../policy";
import type { SubjectKind } from "../subjects/subject-kinds";
import type { PoolMember } from "./draw";

/**
 * A draw's pool as it is stored (issue 12 §3): ids ascending, their grades as one letter each in the same order.
 * Its SHA-256 is taken over `poolHashInput` — so a pool that changed between preview and confirm, or a stored
 * snapshot altered afterwards, is told by comparing hashes (the hashing itself is the server's: lib is pure).
 */
/** A pool's members as stored and published, in ascending id order: their ids (or USCCs) joined by ",". */
export const poolMembersText = (members: readonly (number | string)[]) => members.join(",");

/**
 * What a pool hash is taken over (DRAW_SPEC): the members text as stored, "|", the grades. The stored poolHash is
 * over the ids; the published one (publicPoolHash) over the USCCs in the same order.
 */
export function poolHashInput(membersText: string, grades: string): string {
  return `${membersText}|${grades}`;
}

/**
 * The ids of a stored snapshot ("12,15,16"), read digit by digit: split(",").map(Number) over a province's
 * 4.6 million ids cost half a second. Anything but digits and single commas gives NaN where it stands.
 */
export function parsePoolIds(text: string): number[] {
  const ids: number[] = [];
  if (!text) return ids;
  let n = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      ids.push(digits ? n : Number.NaN);
      n = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && !Number.isNaN(n)) {
      n = n * 10 + (c - 48);
      digits += 1;
    } else n = Number.NaN;
  }
  return ids;
}

/** The members back from a stored snapshot; null when ids and grades do not line up. */
export function membersOf(ids: readonly number[], grades: string): PoolMember[] | null {
  if (ids.length !== grades.length || !/^[ABCD]*$/.test(grades)) return null;
  return ids.map((id, i) => ({ id: Number(id), grade: grades[i] as Grade }));
}

/** Pool sizes per grade, for a preview. */
export function gradeCounts(grades: string): Record<Grade, number> {
  const out: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const g of grades) out[g as Grade] += 1;
  return out;
}

/** The filter that chose a pool (issue 12 §3: region, kind, industry); natural persons and 机关 are never in one. */
export type PoolFilter = {
  regionCode?: string;
  kind?: Exclude<SubjectKind, "natural_person" | "government">;
  industry?: string;
};

/** The days before a confirmation in which a department's unused previews are counted against it (issue 20 N6). */
export const PREVIEW_WINDOW_DAYS = 30;

/**
 * Whether two pool filters can share a subject (issue 20 N6): each attribute is either unset on one side or the
 * same on both — for regions, one lies within the other. Titles play no part: a preview of the same subjects
 * under another name is the same shopping.
 */
export function poolsOverlap(a: PoolFilter, b: PoolFilter): boolean {
  const region = (code?: string) => (code && code !== "360000" ? code.replace(/00$/, "") : "");
  const ra = region(a.regionCode);
  const rb = region(b.regionCode);
  if (!ra.startsWith(rb) && !rb.startsWith(ra)) return false;
  if (a.kind && b.kind && a.kind !== b.kind) return false;
  if (a.industry && b.industry && a.industry !== b.industry) return false;
  return true;
}

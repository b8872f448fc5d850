import { nameGrams } from "./grams";
import { USCC_ALPHABET, usccCheckChar } from "./uscc";

/**
 * 「您是不是要找」 (issue 25): what a query that matched nothing exactly may have meant. Names are compared by
 * their two-character fragments, the grams the name index already holds; codes by one character.
 */

/**
 * The grams a near miss of the query may share with the name it meant: the query's own, and those a dropped,
 * added or swapped character would leave (南昌航森建设 → 昌森, 森航). Folded text in, as the index holds it.
 */
export function nearMissGrams(folded: string): string[] {
  const c = Array.from(folded.replace(/\s+/g, ""));
  const grams = new Set(nameGrams(c.join("")));
  for (let i = 0; i + 2 < c.length; i++) grams.add(`${c[i]}${c[i + 2]}`); // one character dropped
  for (let i = 0; i + 1 < c.length; i++) grams.add(`${c[i + 1]}${c[i]}`); // two characters swapped
  return [...grams].filter((g) => Array.from(g).length === 2);
}

/**
 * How near a name is to the query, 0–1: the share of the query's own grams the name holds (a near miss's gram,
 * above, counts three quarters), times the share of the query's characters the name has at all. A query is a
 * part of a name, so the name's own length does not count against it; among equals the shorter name is
 * listed first by the caller.
 */
export function nearMissScore(foldedQuery: string, foldedName: string): number {
  return nearMissScorer(foldedQuery)(foldedName);
}

/**
 * nearMissScore with the query's side worked out once, for scoring thousands of candidate names: a gram is
 * looked for in the name's text, which holds it exactly when the name's gram set does.
 */
export function nearMissScorer(foldedQuery: string): (foldedName: string) => number {
  const query = foldedQuery.replace(/\s+/g, "");
  const own = new Set(nameGrams(query));
  const weighted = nearMissGrams(foldedQuery).map((g) => [g, own.has(g) ? 1 : 0.75] as const);
  const chars = [...new Set(Array.from(query))];
  return (foldedName) => {
    if (own.size === 0 || foldedName.length === 0) return 0;
    const name = foldedName.toLowerCase();
    let shared = 0;
    for (const [g, w] of weighted) if (name.includes(g)) shared += w;
    // a character of the query the name lacks counts against it: 南昌森建设 means 南昌森航建设, not 南昌建设
    let present = 0;
    for (const c of chars) if (name.includes(c)) present++;
    return Math.min(1, shared / own.size) * (present / chars.length);
  };
}

/**
 * The grams to look near misses up by. Every gram the statistics do not list as common (`namesHolding` answers
 * undefined: fewer names than any listed gram; a typo's own grams, mostly held by none), then the listed ones,
 * rarest first, as many as keep the names they are estimated to hold within `budget`; at least one gram. A common
 * gram (公司, 有限) finds thousands of names that share a word with the query; the rare ones left intact by the
 * typo find the name meant.
 */
export function nearMissLookup(
  grams: string[],
  namesHolding: (gram: string) => number | undefined,
  budget: number,
): string[] {
  const out = grams.filter((g) => namesHolding(g) === undefined);
  const listed = grams
    .map((g, i) => ({ g, i, n: namesHolding(g) }))
    .filter((x): x is { g: string; i: number; n: number } => x.n !== undefined)
    .sort((a, b) => a.n - b.n || a.i - b.i);
  let total = 0;
  for (const { g, n } of listed) {
    if (out.length > 0 && total + n > budget) break;
    out.push(g);
    total += n;
  }
  return out;
}

/**
 * Issue 24 §1: a one-fragment name query is answered by a scan that LIMIT stops, not through the bigram index,
 * when every two-character gram of it is held by at least `share` of the `rows` names (by the planner's
 * statistics; `namesHolding` answers undefined for a gram rarer than all listed). A fragment is held by about as
 * many names as its rarest gram, so the scan stops early where the index would first intersect the bitmaps of
 * millions (有限公司 at 5 million subjects: 357 ms through the index, 1.3 ms by the scan).
 */
export function scanFinds(
  fragments: readonly string[],
  namesHolding: (gram: string) => number | undefined,
  rows: number,
  share: number,
): boolean {
  if (fragments.length !== 1 || rows <= 0) return false;
  const grams = nameGrams(fragments[0] ?? "").filter((g) => Array.from(g).length === 2);
  return grams.length > 0 && grams.every((g) => (namesHolding(g) ?? 0) >= share * rows);
}

/** Below this a name is not offered: it shares words with the query, not the query. */
export const NEAR_MISS_MIN_SCORE = 0.34;
/** At most this many near misses are shown. */
export const NEAR_MISS_SHOWN = 10;

/**
 * Every valid USCC (GB 32100 check character) one character away from the input: a wrong check character, or
 * one of the first 17 wrong (including a letter the code never uses, such as O for 0). A single substitution
 * always breaks the check, so a valid code has no valid neighbour and the input must be invalid.
 */
export function usccNeighbours(code: string): string[] {
  if (code.length !== 18) return [];
  const out = new Set<string>();
  const own = usccCheckChar(code.slice(0, 17));
  if (own && own !== code.charAt(17)) out.add(code.slice(0, 17) + own);
  for (let i = 0; i < 17; i++) {
    for (const c of USCC_ALPHABET) {
      if (c === code.charAt(i)) continue;
      const first17 = code.slice(0, i) + c + code.slice(i + 1, 17);
      if (usccCheckChar(first17) === code.charAt(17)) out.add(first17 + code.charAt(17));
    }
  }
  return [...out];
}

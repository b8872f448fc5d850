import { pinyin } from "pinyin-pro";

/**
 * Lower-case pinyin initials of a name (南昌建设 → ncjs), for searching by initials.
 * Latin letters and digits are kept as they are; punctuation is dropped.
 */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

let syllables: ReadonlySet<string> | null = null;

/** Every toneless syllable pinyin-pro reads a CJK unified ideograph as (about 450), read once. */
export function pinyinSyllables(): ReadonlySet<string> {
  if (syllables) return syllables;
  let all = "";
  for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
  const set = new Set<string>();
  for (const s of pinyin(all, { toneType: "none", type: "array", v: true })) {
    const syllable = s.toLowerCase().replace(/[^a-z]/g, "");
    // every prefix counts: a word is typed as far as the citizen cares (nanc → 南昌)
    for (let i = 1; i <= syllable.length; i++) set.add(syllable.slice(0, i));
  }
  syllables = set;
  return set;
}

/** At most this many readings of one string of letters are searched. */
export const MAX_PINYIN_READINGS = 4;

/**
 * The contiguous initials a string of full or partly typed pinyin can stand for: nancsenhang → ncsh. Every way
 * of cutting it into (prefixes of) syllables with the fewest pieces, or one more, at least two pieces; the
 * pure-initials reading (each letter one character) is the initials search's own and is left out.
 */
export function pinyinReadings(query: string): string[] {
  const q = query.toLowerCase();
  if (!/^[a-z]{2,40}$/.test(q)) return [];
  const known = pinyinSyllables();
  const n = q.length;
  // fewest pieces covering q[i..]
  const fewest: number[] = Array(n + 1).fill(Number.POSITIVE_INFINITY);
  fewest[n] = 0;
  for (let i = n - 1; i >= 0; i--)
    for (let j = i + 1; j <= Math.min(n, i + 6); j++)
      if (known.has(q.slice(i, j))) fewest[i] = Math.min(fewest[i] ?? 0, 1 + (fewest[j] ?? 0));
  const best = fewest[0] ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(best)) return [];
  const out = new Set<string>();
  const walk = (i: number, pieces: number, initials: string) => {
    if (out.size >= MAX_PINYIN_READINGS * 4) return;
    if (i === n) {
      if (pieces >= 2 && initials.length < n) out.add(initials);
      return;
    }
    for (let j = i + 1; j <= Math.min(n, i + 6); j++) {
      if (!known.has(q.slice(i, j))) continue;
      if (pieces + 1 + (fewest[j] ?? 0) > best + 1) continue;
      walk(j, pieces + 1, initials + q.charAt(i));
    }
  };
  walk(0, 0, "");
  return [...out].sort((a, b) => a.length - b.length).slice(0, MAX_PINYIN_READINGS);
}

/**
 * Whether a name contains consecutive characters typed as the query: each character by its full syllable or a
 * prefix of it (南昌森航 ← nancsenhang, nanchangsenhang, ncsh). The syllables are pinyin-pro's reading of the
 * whole name, as the stored initials are.
 */
export function matchesPinyin(name: string, query: string): boolean {
  const q = query.toLowerCase();
  const read = pinyin(name, { toneType: "none", type: "array", v: true, nonZh: "removed" }).map((s) =>
    s.toLowerCase().replace(/[^a-z]/g, ""),
  );
  const from = (k: number, i: number): boolean => {
    if (i === q.length) return true;
    const s = read[k];
    if (!s) return false;
    for (let len = Math.min(s.length, q.length - i); len >= 1; len--)
      if (q.startsWith(s.slice(0, len), i) && from(k + 1, i + len)) return true;
    return false;
  };
  for (let k = 0; k < read.length; k++) if (from(k, 0)) return true;
  return false;
}

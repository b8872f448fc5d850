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
let wholeSyllables: ReadonlySet<string> | null = null;

/** The syllables themselves, without their prefixes. */
function wholeSyllableSet(): ReadonlySet<string> {
  if (!wholeSyllables) pinyinSyllables();
  return wholeSyllables ?? new Set();
}

/** Every toneless syllable pinyin-pro reads a CJK unified ideograph as (about 450), read once. */
export function pinyinSyllables(): ReadonlySet<string> {
  if (syllables) return syllables;
  let all = "";
  for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
  const set = new Set<string>();
  const whole = new Set<string>();
  for (const s of pinyin(all, { toneType: "none", type: "array", v: true })) {
    const syllable = s.toLowerCase().replace(/[^a-z]/g, "");
    // every prefix counts: a word is typed as far as the citizen cares (nanc → 南昌)
    for (let i = 1; i <= syllable.length; i++) set.add(syllable.slice(0, i));
    whole.add(syllable);
  }
  syllables = set;
  wholeSyllables = whole;
  return set;
}

/** At most this many readings of one string of letters are searched. */
export const MAX_PINYIN_READINGS = 3;

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
  // each reading with how many of its pieces are whole syllables: typed whole words are read first
  const out = new Map<string, { pieces: number; whole: number }>();
  let visited = 0;
  const walk = (i: number, pieces: number, whole: number, initials: string) => {
    if (++visited > 5_000) return;
    if (i === n) {
      if (pieces >= 2 && initials.length < n) {
        const seen = out.get(initials);
        if (!seen || seen.pieces > pieces || (seen.pieces === pieces && seen.whole < whole))
          out.set(initials, { pieces, whole });
      }
      return;
    }
    for (let j = Math.min(n, i + 6); j > i; j--) {
      const piece = q.slice(i, j);
      if (!known.has(piece)) continue;
      if (pieces + 1 + (fewest[j] ?? 0) > best + 1) continue;
      walk(j, pieces + 1, whole + (wholeSyllableSet().has(piece) ? 1 : 0), initials + q.charAt(i));
    }
  };
  walk(0, 0, 0, "");
  const all = [...out.keys()];
  // one piece more only when the fewest leave nothing (xian: xi an)
  const fewestKept = Math.min(...[...out.values()].map((v) => v.pieces));
  // a reading that holds another finds nothing the other does not (ncshn ⊃ ncsh): one index lookup fewer
  return [...out]
    .filter(([r, v]) => v.pieces === fewestKept && !all.some((o) => o !== r && r.includes(o)))
    .sort(([, a], [, b]) => b.whole - a.whole)
    .slice(0, MAX_PINYIN_READINGS)
    .map(([r]) => r);
}

const readingCache = new Map<string, string[]>();

/** Every toneless reading of one character (长 → chang, zhang), cached: pinyin-pro costs microseconds a character. */
function readingsOf(ch: string): string[] {
  let r = readingCache.get(ch);
  if (!r) {
    r = /^[a-z0-9]$/i.test(ch)
      ? [ch.toLowerCase()]
      : [
          ...new Set(
            pinyin(ch, { toneType: "none", type: "array", v: true, multiple: true })
              .map((s) => s.toLowerCase().replace(/[^a-z]/g, ""))
              .filter((s) => s.length > 0),
          ),
        ];
    if (readingCache.size < 50_000) readingCache.set(ch, r);
  }
  return r;
}

/**
 * Whether a name contains consecutive characters typed as the query: each character by a full syllable it can
 * be read as, or a prefix of one (南昌森航 ← nancsenhang, nanchangsenhang, ncsh). Characters that are neither
 * Chinese nor a letter or digit are skipped, as the stored initials skip them.
 */
export function matchesPinyin(name: string, query: string): boolean {
  const q = query.toLowerCase();
  const read = Array.from(name)
    .map(readingsOf)
    .filter((r) => r.length > 0);
  const from = (k: number, i: number): boolean => {
    if (i === q.length) return true;
    const options = read[k];
    if (!options) return false;
    for (const s of options)
      for (let len = Math.min(s.length, q.length - i); len >= 1; len--)
        if (q.startsWith(s.slice(0, len), i) && from(k + 1, i + len)) return true;
    return false;
  };
  for (let k = 0; k < read.length; k++) if (from(k, 0)) return true;
  return false;
}

/**
 * npm run bench:search-labels — writes bench/search-queries.json, the labelled queries of issue 25: each with the
 * subject it should find, drawn  from the demo set (ids up to 3,000) and the rest of a generated 100,000-subject
 * set (seed 20260101, the bench's and the demo's own). A query is kept only when its answer is unambiguous in the
 * 100,000: no other name holds the text it was made from. Run once (then `npm run format`); the file is committed.
 */
import { writeFileSync } from "node:fs";
import { Converter } from "opencc-js";
import { pinyin } from "pinyin-pro";
import { foldText } from "../lib/subjects/fold";
import { matchesPinyin, pinyinInitials } from "../lib/subjects/pinyin";
import { USCC_ALPHABET } from "../lib/subjects/uscc";
import { flag } from "./cli";
import { makeSubject } from "./seed/generate";
import { DEMO_MARK } from "./seed/names";
import { rng } from "./seed/random";

export const LABEL_SEED = 20260101;
export const LABEL_SUBJECTS = 100_000;
export const DEMO_SUBJECTS = 3_000;
const PER_CATEGORY = Number(flag("per-category") ?? 32);

export type Label = { category: string; q: string; uscc: string; demo: boolean };

const toTraditional = Converter({ from: "cn", to: "tw" });

function main() {
  const used = new Set<string>();
  const opts = {
    anchor: "2026-12-01",
    seed: LABEL_SEED,
    protectIdNumber: () => ({ digest: "", cipher: "", masked: "" }),
    usedNames: used,
  };
  const orgs: { id: number; uscc: string; name: string; core: string }[] = [];
  for (let i = 1; i <= LABEL_SUBJECTS; i++) {
    const { row, facts } = makeSubject(i, opts);
    if (facts.kind === "natural_person" || !row[3]) continue;
    const name = String(row[4]);
    orgs.push({ id: i, uscc: String(row[3]), name, core: name.replace(DEMO_MARK, "") });
  }
  const folded = orgs.map((o) => foldText(o.name));
  const initials = orgs.map((o) => pinyinInitials(o.core));
  const holders = (text: string) => {
    const t = foldText(text);
    let n = 0;
    for (const f of folded) if (f.includes(t) && ++n > 1) break;
    return n;
  };
  const r = rng(LABEL_SEED);
  const pickOrg = (demo: boolean) => {
    for (;;) {
      const o = r.pick(orgs);
      if (demo === o.id <= DEMO_SUBJECTS) return o;
    }
  };
  /** a window of the name's core, 5–7 characters, that no other name holds */
  const window = (core: string, min = 5, max = 7): string | null => {
    const c = Array.from(core);
    for (let attempt = 0; attempt < 6; attempt++) {
      const len = Math.min(c.length, r.int(min, max));
      const start = r.int(0, c.length - len);
      const w = c.slice(start, start + len).join("");
      if (holders(w) === 1) return w;
    }
    return null;
  };
  /**
   * A near miss has one right answer only when no other name is as near: the typed text with the changed place
   * as a wildcard (any one character, or none) is held by the meant name alone. Otherwise the query is
   * ambiguous (兴国县?记便利店 is a hundred shops), not a test of the search.
   */
  const unambiguous = (chars: string[], at: number): boolean => {
    const esc = (x: string[]) => x.join("").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(`${esc(chars.slice(0, at))}.?.?${esc(chars.slice(at + 1))}`);
    let n = 0;
    for (const f of folded) if (re.test(f) && ++n > 1) return false;
    return n === 1;
  };
  const hanzi = Array.from(new Set(orgs.slice(0, 5000).flatMap((o) => Array.from(o.core)))).filter((c) =>
    /\p{Script=Han}/u.test(c),
  );
  /** A window of the name with one edit (from place 1 to length − `last`), at places no other name explains. */
  const edited = (
    o: (typeof orgs)[number],
    last: number,
    places: number,
    edit: (c: string[], i: number) => void,
  ) => {
    const w = window(o.core, 6, 8);
    if (!w) return null;
    const c = Array.from(w);
    const i = r.int(1, c.length - last);
    for (let k = 0; k < places; k++) if (!unambiguous(c, i + k)) return null;
    edit(c, i);
    const q = c.join("");
    return holders(q) === 0 ? q : null;
  };
  const makers: Record<string, (o: (typeof orgs)[number]) => string | null> = {
    fragment: (o) => window(o.core, 4, 6),
    two_fragments: (o) => {
      const c = Array.from(o.core);
      if (c.length < 7) return null;
      const a = r.int(0, c.length - 6);
      const q = `${c.slice(a, a + 2).join("")} ${c.slice(a + 4, a + 6 + r.int(0, 1)).join("")}`;
      const parts = q.split(" ").map(foldText);
      let n = 0;
      for (const f of folded) if (parts.every((p) => f.includes(p))) n++;
      return n === 1 ? q : null;
    },
    typo: (o) =>
      edited(o, 1, 1, (c, i) => {
        c[i] = r.pick(hanzi.filter((h) => h !== c[i]));
      }),
    dropped: (o) => edited(o, 2, 1, (c, i) => c.splice(i, 1)),
    swapped: (o) =>
      edited(o, 2, 2, (c, i) => {
        [c[i], c[i + 1]] = [c[i + 1] ?? "", c[i] ?? ""];
      }),
    traditional: (o) => {
      const w = window(o.core, 5, 8);
      const t = w ? toTraditional(w) : null;
      return t && t !== w ? t : null;
    },
    pinyin_initials: (o) => {
      const q = pinyinInitials(o.core);
      const re = new RegExp((q.match(/.{1,2}/g) ?? []).join(".*"));
      let n = 0;
      for (const x of initials) if (re.test(x) && ++n > 1) break;
      return n === 1 ? q : null;
    },
    pinyin_full: (o) => {
      const w = window(o.core, 4, 5);
      if (!w) return null;
      const q = fullPinyin(w);
      const own = pinyinInitials(w);
      let n = 0;
      for (const [k, x] of orgs.entries())
        if (initials[k]?.includes(own) && matchesPinyin(x.core, q) && ++n > 1) break;
      return n === 1 ? q : null;
    },
    uscc: (o) => o.uscc,
    uscc_typo: (o) => {
      const i = r.int(0, 17);
      const c = r.pick(Array.from(USCC_ALPHABET).filter((x) => x !== o.uscc.charAt(i)));
      return o.uscc.slice(0, i) + c + o.uscc.slice(i + 1);
    },
  };
  const labels: Label[] = [];
  for (const [category, make] of Object.entries(makers)) {
    for (const demo of [true, false]) {
      let kept = 0;
      for (let tries = 0; kept < PER_CATEGORY / 2 && tries < PER_CATEGORY * 40; tries++) {
        const o = pickOrg(demo);
        const q = make(o);
        if (!q || labels.some((l) => l.q === q)) continue;
        labels.push({ category, q, uscc: o.uscc, demo });
        kept++;
      }
    }
    console.log(category, labels.filter((l) => l.category === category).length);
  }
  writeFileSync(
    "bench/search-queries.json",
    `${JSON.stringify({ seed: LABEL_SEED, subjects: LABEL_SUBJECTS, demoSubjects: DEMO_SUBJECTS, labels }, null, 1)}\n`,
  );
  console.log(`${labels.length} labelled queries → bench/search-queries.json`);
}

/** 森航建设 → senhangjianshe, as pinyin-pro reads it */
function fullPinyin(text: string): string {
  return pinyin(text, { toneType: "none", type: "array", v: true })
    .join("")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

main();

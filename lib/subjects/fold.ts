import { Locale } from "opencc-js";

/**
 * The one folding of a name for search (issue 25): NFKC (full-width letters, digits and brackets to half-width),
 * ASCII upper case to lower, and every traditional or Hong Kong / Taiwan variant character to its simplified
 * form by OpenCC's own character tables. The same mapping is the SQL function fold_name() (migration
 * 0033, generated from foldTable()), which the subjects' indexed columns are computed with, so a name and a query
 * fold alike. Character by character on purpose: a phrase table would fold a query and a name containing it
 * differently.
 */

/** OpenCC's character entries ("繁 简 …"), first candidate only, from a dictionary of the chain. */
function characters(dict: unknown): [string, string][] {
  if (typeof dict !== "string") return [];
  const out: [string, string][] = [];
  for (const entry of dict.split("|")) {
    const [from, to] = entry.split(" ");
    if (from && to && Array.from(from).length === 1 && Array.from(to).length === 1) out.push([from, to]);
  }
  return out;
}

let table: Map<string, string> | null = null;

/** Every character the fold changes, after NFKC, with what it becomes (variants → traditional → simplified). */
export function foldTable(): ReadonlyMap<string, string> {
  if (table) return table;
  const variants = new Map<string, string>();
  for (const group of [...(Locale.from.hk ?? []), ...(Locale.from.tw ?? [])])
    for (const dict of group) for (const [a, b] of characters(dict)) if (!variants.has(a)) variants.set(a, b);
  const toSimplified = new Map<string, string>();
  for (const group of Locale.to.cn ?? [])
    for (const dict of group) for (const [a, b] of characters(dict)) toSimplified.set(a, b);
  const simplify = (c: string) => toSimplified.get(c) ?? c;
  const t = new Map<string, string>();
  for (const c of new Set([...variants.keys(), ...toSimplified.keys()])) {
    const folded = simplify(variants.get(c) ?? c);
    // NFKC runs first, so a key it would change never reaches the table
    if (folded !== c && c.normalize("NFKC") === c) t.set(c, folded);
  }
  for (let code = 65; code <= 90; code++) t.set(String.fromCharCode(code), String.fromCharCode(code + 32));
  table = t;
  return t;
}

/** 江西省贛鄱建設集團 → 江西省赣鄱建设集团; ＡＢＣ（演示） → abc(演示). */
export function foldText(text: string): string {
  const t = foldTable();
  let out = "";
  for (const c of text.normalize("NFKC")) out += t.get(c) ?? c;
  return out;
}

/** The SQL function of the same fold (migration 0033 holds this text; its unit test keeps the two equal). */
export function foldFunctionSql(): string {
  const entries = [...foldTable()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const from = entries.map(([a]) => a).join("");
  const to = entries.map(([, b]) => b).join("");
  return `CREATE OR REPLACE FUNCTION fold_name(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(normalize(t, NFKC), '${from}', '${to}')
$$;`;
}

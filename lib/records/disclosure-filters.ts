import { isIsoDate } from "../calendar/dates";
import { foldText } from "../subjects/fold";
import { nameGrams } from "../subjects/grams";
import { checkUscc, normalizeUscc } from "../subjects/uscc";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** What the 双公示 box asks for (issue 21): a decision's 文号, a subject's USCC, or words of its name. */
export type RecordQuery =
  | { kind: "decision_no"; text: string }
  | { kind: "uscc"; code: string }
  | { kind: "name"; text: string; folded: string; grams: string[] };

/** A 文号 names its year in brackets or ends in 号; an 18-character valid code is a USCC; anything else is a name. */
export function parseRecordQuery(raw: string): RecordQuery | { kind: "invalid"; message: string } {
  const text = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (/[〔［[].*[〕］\]]|号$/.test(text)) return { kind: "decision_no", text };
  const code = normalizeUscc(text);
  if (/^[0-9A-Z]{18}$/.test(code) && checkUscc(code).valid) return { kind: "uscc", code };
  if ([...text].length < 2)
    return { kind: "invalid", message: "名称请至少输入 2 个字，或输入完整的决定书文号。" };
  // as the subjects' name index holds names (issue 25): traditional and full-width forms fold
  const folded = foldText(text);
  return { kind: "name", text, folded, grams: nameGrams(folded) };
}

export type ParsedFilters = {
  /** the typed text, and what it asks for */
  q?: string;
  query?: RecordQuery;
  dept?: number;
  region?: string;
  from?: string;
  to?: string;
  page: number;
  errors: string[];
};

/** URL parameters of the 双公示 and list pages: bad values are dropped with a message, never a 500. */
export function parseDisclosureFilters(sp: Params): ParsedFilters {
  const errors: string[] = [];
  const out: ParsedFilters = { page: 1, errors };
  const q = one(sp.q)?.slice(0, 50);
  if (q) {
    const query = parseRecordQuery(q);
    out.q = q;
    if (query.kind === "invalid") errors.push(query.message);
    else out.query = query;
  }
  const dept = one(sp.dept);
  if (dept) {
    if (/^\d{1,6}$/.test(dept)) out.dept = Number(dept);
    else errors.push("部门参数无效，已忽略。");
  }
  const region = one(sp.region);
  if (region) {
    if (/^36(\d{2}){1,2}$/.test(region)) out.region = region;
    else errors.push("地区参数无效，已忽略。");
  }
  for (const key of ["from", "to"] as const) {
    const v = one(sp[key]);
    if (!v) continue;
    if (isIsoDate(v)) out[key] = v;
    else
      errors.push(`${key === "from" ? "起始" : "截止"}日期“${v.slice(0, 20)}”格式应为 YYYY-MM-DD，已忽略。`);
  }
  if (out.from && out.to && out.from > out.to) errors.push("起始日期晚于截止日期，没有符合条件的记录。");
  const page = Number(one(sp.page) ?? 1);
  out.page = Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1;
  return out;
}

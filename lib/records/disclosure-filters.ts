import { isIsoDate } from "../calendar/dates";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export type ParsedFilters = {
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

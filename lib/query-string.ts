/** Builds "?a=1&b=2" from the values that are set; for URL-driven filters and pagination. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The first value of a search parameter, as Next passes them (string | string[] | undefined). */
export function firstParam(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function pageParam(v: string | string[] | undefined): number {
  const n = Number(firstParam(v));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

import { withoutControlCharacters } from "./text";

/** Builds "?a=1&b=2" from the values that are set; for URL-driven filters and pagination. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * The first value of a search parameter, as Next passes them (string | string[] | undefined), without control
 * or direction-override characters: a NUL in a filter must not reach the database (issue 9 §9).
 */
export function firstParam(v: string | string[] | undefined): string | undefined {
  const value = Array.isArray(v) ? v[0] : v;
  return value === undefined ? undefined : withoutControlCharacters(value);
}

export function pageParam(v: string | string[] | undefined): number {
  const n = Number(firstParam(v));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

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

/** The largest id or count a filter takes: PostgreSQL's integer, which every id column holds (or exceeds). */
export const MAX_INT_PARAM = 2_147_483_647;
/** Pages beyond this are not browsed, only addressed by hand: page 1 is shown instead. */
export const MAX_PAGE = 100_000;

/**
 * Issue 20 N12: the one parser of whole numbers from a URL (filters, pages, ids in a path). Digits only, at most
 * 10, within [min, max]; anything else — "1e309", "99999999999999999999", "-1", "0x10", "1.5" — is no value, so
 * it never reaches the database as a number out of range.
 */
export function intParam(
  v: string | string[] | undefined,
  { min = 1, max = MAX_INT_PARAM }: { min?: number; max?: number } = {},
): number | undefined {
  const s = firstParam(v)?.trim();
  if (!s || !/^\d{1,10}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

export function pageParam(v: string | string[] | undefined, max = MAX_PAGE): number {
  return intParam(v, { max }) ?? 1;
}

/**
 * Where a sign-in returns to: the path and query of a callback URL of this site (issue 21: a form's ?type=…&id=…
 * survives signing in); nothing for another site's address.
 */
export function returnPath(callbackUrl: string | undefined): string | undefined {
  if (!callbackUrl?.startsWith("/") || callbackUrl.startsWith("//")) return undefined;
  const u = new URL(callbackUrl, "http://x");
  return `${u.pathname}${u.search}`;
}

/**
 * The prefix of GB/T 2260 codes below a region: a city is written 3601 or 360100 (→ "3601"),
 * a county by its 6 digits. null for anything that is not a Jiangxi code.
 */
export function regionPrefix(code: string | undefined | null): string | null {
  if (!code || !/^36\d{2}(\d{2})?$/.test(code) || code === "360000") return null;
  return code.length === 6 && code.endsWith("00") ? code.slice(0, 4) : code;
}

/** A Jiangxi division of 6 digits (the province 360000, a city 360100, a county 360102): a region one belongs to. */
export function isJiangxiDivision(code: string): boolean {
  return /^36\d{4}$/.test(code);
}

/** A region to filter by: the whole province (360000), a city (3601 or 360100) or a county (360102). */
export function isRegionFilter(code: string): boolean {
  return code === "360000" || regionPrefix(code) !== null;
}

/**
 * Whether a subject registered in `subjectRegionCode` lies within the region of an account or department of
 * `ownRegionCode` (DOMAIN §11: a city's people act for the city's subjects; the province's for all).
 */
export function withinRegion(
  ownRegionCode: string | null | undefined,
  subjectRegionCode: string | null,
): boolean {
  const prefix = regionPrefix(ownRegionCode);
  return prefix === null || (subjectRegionCode ?? "").startsWith(prefix);
}

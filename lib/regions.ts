/**
 * The prefix of GB/T 2260 codes below a region: a city is written 3601 or 360100 (→ "3601"),
 * a county by its 6 digits. null for anything that is not a Jiangxi code.
 */
export function regionPrefix(code: string | undefined | null): string | null {
  if (!code || !/^36\d{2}(\d{2})?$/.test(code) || code === "360000") return null;
  return code.length === 6 && code.endsWith("00") ? code.slice(0, 4) : code;
}

import type { IsoDate } from "../calendar/dates";

/**
 * DOMAIN §10: a report is found by its number and proved by its code. The number is "XY", the China date and
 * the report's sequence (XY20261203000123); the code is 8 characters from an alphabet without 0/O, 1/I/L, shown
 * in two groups (7KQ4-M9TX) so it can be read aloud and typed from paper.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export const reportNoOf = (day: IsoDate, seq: number) =>
  `XY${day.replaceAll("-", "")}${String(seq).padStart(6, "0")}`;

export const isReportNo = (no: string) => /^XY\d{8}\d{6,}$/.test(no);

/** The code from 8 random bytes (each byte's remainder: 256 mod 31 leaves a bias under 1 %, fine for a printed check). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new RangeError("8 random bytes are needed");
  return Array.from(bytes.subarray(0, 8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** What a person typed, as the code: upper case, without spaces or dashes; null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const c = input.toUpperCase().replace(/[\s-]/g, "");
  return c.length === 8 && [...c].every((ch) => CODE_ALPHABET.includes(ch)) ? c : null;
}

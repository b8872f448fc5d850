/** UTF-8 byte-order mark: without it Excel opens a UTF-8 CSV as GBK and shows mojibake. */
export const CSV_BOM = "\uFEFF";

/**
 * One CSV cell (RFC 4180). A text starting with = + - @ (or a tab / carriage return) would run as a formula in
 * Excel or WPS: OWASP's CSV-injection advice is to prefix it with a single quote.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

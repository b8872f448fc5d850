import { CSV_BOM, csvRow } from "../web/csv";

/**
 * The open-data files' bytes (issue 25 §4): a header, one line per record, a footer, in CSV (with the national
 * standard's Chinese headers and a BOM for Excel) or JSON (an array of objects). The producer and the delta
 * answers write with the same functions, so a delta's row is a full file's row.
 */
export type Column = readonly [key: string, header: string];
export type OpenFormat = "csv" | "json";
/** The media type each format of a file or a delta is sent with. */
export const FILE_CONTENT_TYPE: Record<OpenFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** A record's change history is one cell of CSV: its changes as read, in order. */
export function csvValue(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  return v
    .map((c: { at?: string; text?: string; caseNo?: string | null }) =>
      `${c.at ?? ""} ${c.text ?? ""}${c.caseNo ? `（${c.caseNo}）` : ""}`.trim(),
    )
    .join("；");
}

export function fileHeader(format: OpenFormat, columns: readonly Column[]): string {
  return format === "csv" ? CSV_BOM + csvRow(columns.map(([, h]) => h)) : "[";
}

/** The row as published: exactly the dataset's columns, in order (JSON: null for a missing value). */
export function publishedRow(
  columns: readonly Column[],
  row: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(columns.map(([k]) => [k, row[k] ?? null]));
}

export function fileLine(
  format: OpenFormat,
  columns: readonly Column[],
  row: Record<string, unknown>,
  first: boolean,
): string {
  if (format === "csv") return csvRow(columns.map(([k]) => csvValue(row[k])));
  return `${first ? "\n" : ",\n"}${JSON.stringify(publishedRow(columns, row))}`;
}

export function fileFooter(format: OpenFormat, empty: boolean): string {
  return format === "csv" ? "" : empty ? "]\n" : "\n]\n";
}

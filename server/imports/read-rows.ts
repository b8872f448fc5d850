import "server-only";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

export type FileRow = { rowNo: number; values: string[]; formulas: number[] };

/** The bytes of a GB 18030 (GBK) file as UTF-8 text, chunk by chunk. */
function decoder(encoding: string) {
  const d = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, d.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, d.decode());
    },
  });
}

/**
 * The rows of a CSV, streamed (csv-parse): row 1 is the header, numbers match what a spreadsheet shows; blank
 * lines are counted but not yielded.
 */
async function* csvRows(path: string, encoding: string): AsyncGenerator<FileRow> {
  const source = createReadStream(path);
  const text = encoding === "utf-8" ? source : source.pipe(decoder(encoding));
  const parser = text.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 2_000_000,
      trim: false,
    }),
  );
  let rowNo = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNo += 1;
    if (record.every((c) => c.trim() === "")) continue;
    yield { rowNo, values: record, formulas: [] };
  }
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function cellText(v: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (v === null || v === undefined) return { text: "", formula: false };
  if (v instanceof Date) return { text: isoDate(v), formula: false };
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) return { text: "", formula: true };
    if ("richText" in v) return { text: v.richText.map((t) => t.text).join(""), formula: false };
    if ("text" in v) return { text: String(v.text), formula: false };
    if ("error" in v) return { text: String(v.error), formula: false };
    return { text: "", formula: false };
  }
  return { text: String(v), formula: false };
}

/** The first worksheet of an XLSX, streamed (exceljs): formula cells are flagged, never evaluated. */
async function* xlsxRows(path: string): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "emit",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1);
      const parsed = Array.from(cells, (c) => cellText(c));
      if (parsed.every((c) => c.text.trim() === "" && !c.formula)) continue;
      yield {
        rowNo: row.number,
        values: parsed.map((c) => c.text),
        formulas: parsed.flatMap((c, i) => (c.formula ? [i] : [])),
      };
    }
    return; // the first sheet only
  }
}

export function readRows(path: string, format: string, encoding: string): AsyncGenerator<FileRow> {
  return format === "xlsx" ? xlsxRows(path) : csvRows(path, encoding);
}

import type { DbHandle } from "../../db/client";
import type { TableBatch } from "./generate";

const MAX_PARAMS = 30_000;

/** Multi-row INSERTs with parameters: the portable path (PGlite, and small loads on PostgreSQL). */
export async function insertBatch(db: DbHandle, batch: TableBatch): Promise<void> {
  if (batch.rows.length === 0) return;
  const cols = batch.columns.map((c) => `"${c}"`).join(", ");
  const per = Math.max(1, Math.floor(MAX_PARAMS / batch.columns.length));
  for (let start = 0; start < batch.rows.length; start += per) {
    const chunk = batch.rows.slice(start, start + per);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const ph = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${ph.join(", ")})`;
    });
    await db.exec(`INSERT INTO "${batch.table}" (${cols}) VALUES ${tuples.join(", ")}`, params);
  }
}

/** PostgreSQL COPY text format: \N for null, backslash escapes for the separators. */
export function copyLine(row: unknown[]): string {
  let line = "";
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += "\t";
    if (v === null || v === undefined) line += "\\N";
    else if (typeof v === "string") line += /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, escapeChar) : v;
    else line += String(v);
  }
  return `${line}\n`;
}

function escapeChar(c: string): string {
  return c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r";
}

/** Tables whose ids the generator sets itself: their sequences must move past the loaded ids. */
export const EXPLICIT_ID_TABLES = [
  "departments",
  "credit_lists",
  "commitment_templates",
  "commitments",
  "subjects",
  "list_entries",
  "penalties",
  "licences",
  "admin_acts",
];

export async function resetSequences(db: DbHandle): Promise<void> {
  for (const t of EXPLICIT_ID_TABLES) {
    await db.exec(
      `SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM "${t}"), 1))`,
    );
  }
}

/** Issue 24 §1: what a million records cost to keep (MB, indexes included) and, given the load time, to load (s). */
export function perMillionRecords(records: number, bytes: number, seconds?: number) {
  const perMillion = records > 0 ? 1e6 / records : 0;
  return {
    mb: Math.round((bytes / 2 ** 20) * perMillion),
    seconds: seconds === undefined ? undefined : Math.round(seconds * perMillion * 10) / 10,
  };
}

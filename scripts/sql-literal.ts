/** A captured statement with its parameters written in as literals: what pgbench sends (issue 24 §1). */
export type Statement = { text: string; params: readonly unknown[] };

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A parameter as an SQL literal (standard_conforming_strings is on since PostgreSQL 9.1). */
export function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return quote(v.toISOString());
  if (Array.isArray(v))
    return quote(
      `{${v.map((e) => (e === null ? "NULL" : `"${String(e).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(",")}}`,
    );
  if (typeof v === "object") return quote(JSON.stringify(v));
  return quote(String(v));
}

/** One statement with its parameters written in: what pgbench sends. */
export function inline({ text, params }: Statement): string {
  return text.replace(/\$(\d+)/g, (m, n: string) =>
    Number(n) <= params.length ? literal(params[Number(n) - 1]) : m,
  );
}

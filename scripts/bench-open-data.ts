/**
 * Open-data figures of issue 25 §3–4, against a running server on PostgreSQL: the cost of producing a generation,
 * the full file's time to first byte and the record tables' scan counts before and after downloads (none may
 * move), then one day's changes and the time to read their delta.
 */
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbHandle } from "../db/client";
import { addDays, chinaDate } from "../lib/calendar/dates";
import { publishOpenData } from "../server/services/open-data/publish";

const RECORD_TABLES = ["penalties", "licences", "list_entries", "commitments", "subjects", "record_changes"];
/** The p-th percentile of sorted figures. */
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

/** Scans (sequential and by index) of the record tables, as the statistics collector has them. */
async function scans(db: DbHandle): Promise<Record<string, number>> {
  // a backend reports its counts when idle, within PGSTAT_IDLE_INTERVAL (10 s)
  await new Promise((r) => setTimeout(r, 11_000));
  const rows = await db.exec(
    "SELECT relname, (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::bigint AS n FROM pg_stat_user_tables WHERE relname = ANY($1::text[])",
    [RECORD_TABLES],
  );
  return Object.fromEntries(rows.map((r) => [String(r.relname), Number(r.n)]));
}

/** A download, or with `firstByteOnly` its time to first byte alone (the rest of the body is not waited for). */
async function download(
  url: string,
  firstByteOnly = false,
): Promise<{ ttfb: number; total: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  const reader = res.body?.getReader();
  let ttfb = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
    if (!ttfb) ttfb = performance.now() - started;
    if (firstByteOnly) {
      await reader?.cancel();
      break;
    }
    if (done) break;
    bytes += value?.length ?? 0;
  }
  return { ttfb, total: performance.now() - started, bytes };
}

/** Where the bench writes the files: the server it starts is told so (OPEN_DATA_DIR), or it refuses to send them. */
export const BENCH_FILES_DIR = join(tmpdir(), "credit-bench-open-data");

export async function benchOpenData(db: DbHandle, port: number) {
  const dir = BENCH_FILES_DIR;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const today = chinaDate(new Date());
  try {
    const first = await publishOpenData(db.db, { dir, today, reason: "manual", retain: 14 });
    if (!first) throw new Error("a generation is being built elsewhere");
    console.log(
      `  generation ${first.generation}: ${first.seconds.toFixed(1)} s, rows ${JSON.stringify(first.rows)}`,
    );
    const base = `http://127.0.0.1:${port}`;
    const before = await scans(db);
    // each route's first request loads its module: not a download's cost
    for (const f of ["penalties.csv", "licences.json"]) await download(`${base}/open-data/${f}`);
    const runs: { ttfb: number; total: number; bytes: number }[] = [];
    for (const f of ["penalties.csv", "licences.json"])
      for (let i = 0; i < 3; i++) runs.push(await download(`${base}/open-data/${f}`));
    // the time to first byte over enough requests that p95 is not the single slowest
    for (let i = 0; i < 100; i++)
      runs.push(await download(`${base}/open-data/${i % 2 ? "licences.json" : "penalties.csv"}`, true));
    const after = await scans(db);
    const ttfb = runs.map((r) => r.ttfb).sort((a, b) => a - b);
    // one day's changes: corrections and withdrawals of public penalties, licences renewed
    await db.exec(
      `UPDATE penalties SET penalty_content = penalty_content || '（更正）' WHERE id IN (
         SELECT id FROM penalties WHERE status = 'active' AND disclosable AND public_until > $1::date ORDER BY id DESC LIMIT 1500)`,
      [addDays(today, 2)],
    );
    await db.exec(
      `UPDATE penalties SET status = 'withdrawn' WHERE id IN (
         SELECT id FROM penalties WHERE status = 'active' AND disclosable ORDER BY id LIMIT 300)`,
    );
    await db.exec(
      "UPDATE licences SET valid_to = valid_to + 365 WHERE id IN (SELECT id FROM licences ORDER BY id DESC LIMIT 1000)",
    );
    const second = await publishOpenData(db.db, { dir, today, reason: "manual", retain: 14 });
    if (!second) throw new Error("a generation is being built elsewhere");
    const deltaRuns: { ms: number; changes: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      let changes = 0;
      let next: string | null = `/api/v1/open-data/penalties/changes?since=${first.generation}&limit=5000`;
      while (next) {
        const body = (await (await fetch(`${base}${next}`)).json()) as {
          changes: unknown[];
          next: string | null;
        };
        changes += body.changes.length;
        next = body.next;
      }
      deltaRuns.push({ ms: performance.now() - started, changes });
    }
    const deltaMs = deltaRuns.map((r) => r.ms).sort((a, b) => a - b);
    const moved = Object.fromEntries(RECORD_TABLES.map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)]));
    console.log(
      `  full file: time to first byte p50 ${round(pct(ttfb, 50))} ms, p95 ${round(pct(ttfb, 95))} ms; record-table scans during the downloads ${JSON.stringify(moved)}`,
    );
    console.log(`  one day's delta (${deltaRuns[0]?.changes} changes): p50 ${round(pct(deltaMs, 50))} ms`);
    return {
      generation_seconds: round(first.seconds),
      second_generation_seconds: round(second.seconds),
      rows: first.rows,
      full_file_bytes: runs[0]?.bytes,
      full_file_downloads: runs.length,
      full_file_seconds: round((runs[0]?.total ?? 0) / 1000),
      full_file_ttfb_p50_ms: round(pct(ttfb, 50)),
      full_file_ttfb_p95_ms: round(pct(ttfb, 95)),
      record_table_scans_before: before,
      record_table_scans_after: after,
      day_delta_changes: deltaRuns[0]?.changes,
      day_delta_ms_p50: round(pct(deltaMs, 50)),
      day_delta_ms_max: round(deltaMs.at(-1) ?? 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

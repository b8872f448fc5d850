/**
 * npm run bench:import -- [--rows 100000]
 *
 * Issue 5's import figures on a fresh database: PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) names a
 * server — a throwaway database is created there and dropped — else a temporary PGlite directory. Runs the
 * console's own import job (runImport) on a generated CSV of N rows, then the same file again, then a file
 * with 1 % planted errors; prints wall time, peak RSS and counts. The last line is one JSON object.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { penaltyCsv } from "../db/testing/import-csv";
import { chinaDate } from "../lib/calendar/dates";
import { DEFAULT_POLICY } from "../lib/policy";
import { runImport } from "../server/services/imports/run-import";
import { flag, runCli } from "./cli";

const ROWS = Number(flag("rows") ?? 100_000);

await runCli(async () => {
  const dir = mkdtempSync(join(tmpdir(), "credit-bench-import-"));
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  let db: DbHandle;
  let drop = async () => {};
  if (base) {
    const name = `credit_bench_import_${randomBytes(4).toString("hex")}`;
    const admin = await openDatabase({ databaseUrl: base, pgliteDir: "", poolSize: 1 });
    await admin.exec(`CREATE DATABASE ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    db = await openDatabase({ databaseUrl: u.toString(), pgliteDir: "", poolSize: 4 });
    drop = async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    };
  } else db = await openDatabase({ pgliteDir: join(dir, "pglite") });
  try {
    await migrateDatabase(db);
    await db.exec(
      "INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')",
    );
    await db.exec(
      "INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES (1, 'jxamr', '江西省市场监督管理局', '省市场监管局', '11360000MB1234567X', '360000', 'province')",
    );
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id) VALUES (1, 'operator', '录入员', 'x', 1)",
    );
    const env = {
      importDir: dir,
      today: chinaDate(new Date()),
      thresholdWan: 1,
      maxRows: DEFAULT_POLICY.importMaxRows,
    };
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    let nextId = 1;
    // the files are written before any run, so the generator's strings are not counted in the import's memory
    const cleanFile = join(dir, "clean.csv");
    const plantedFile = join(dir, "planted.csv");
    writeFileSync(cleanFile, penaltyCsv(ROWS, { prefix: "赣基准罚" }).csv);
    const planted = penaltyCsv(ROWS, { prefix: "赣基准错", errorEvery: 100 }).planted;
    writeFileSync(plantedFile, penaltyCsv(ROWS, { prefix: "赣基准错", errorEvery: 100 }).csv);
    const run = async (label: string, source: string, mode = "keep_good") => {
      const id = nextId++;
      const path = join(dir, `${id}.csv`);
      copyFileSync(source, path);
      await db.exec(
        `INSERT INTO import_jobs (id, department_id, user_id, kind, mode, file_name, file_size, format) VALUES ($1, 1, 1, 'penalty', $2, $3, $4, 'csv')`,
        [id, mode, `${label}.csv`, statSync(path).size],
      );
      (globalThis as { gc?: () => void }).gc?.();
      peak = process.memoryUsage().rss;
      const t0 = performance.now();
      const job = await runImport(db.db, id, env);
      const seconds = (performance.now() - t0) / 1000;
      const mb = Math.round(peak / 1048576);
      console.log(
        `${label}: ${seconds.toFixed(1)} s, peak RSS ${mb} MB, ${(statSync(path).size / 1048576).toFixed(1)} MB file — ${job.message}`,
      );
      return { job, seconds, peakMb: mb };
    };
    const first = await run(`${ROWS} rows, first run`, cleanFile);
    const second = await run(`${ROWS} rows, same file again`, cleanFile);
    const errors = await run(`${ROWS} rows, 1 % planted errors`, plantedFile);
    const reported = await db.exec('SELECT row_no, "column" FROM import_errors WHERE job_id = 3');
    const key = (r: { row: number; column: string }) => `${r.row}|${r.column}`;
    const got = new Set(reported.map((r) => `${r.row_no}|${r.column}`));
    const missed = planted.filter((p) => !got.has(key(p))).length;
    const [{ bad } = { bad: -1 }] = (await db.exec(
      "SELECT count(*)::int AS bad FROM penalties WHERE decision_no LIKE '赣基准错%' AND (counterpart_name = '' OR decision_date > now()::date)",
    )) as { bad: number }[];
    clearInterval(timer);
    console.log(
      `planted ${planted.length}, reported ${reported.length}, missed ${missed}, bad rows written ${bad}`,
    );
    console.log(
      JSON.stringify({
        engine: db.engine,
        rows: ROWS,
        import_seconds: Number(first.seconds.toFixed(1)),
        import_peak_rss_mb: first.peakMb,
        new: first.job.newCount,
        rerun_seconds: Number(second.seconds.toFixed(1)),
        rerun_new: second.job.newCount,
        rerun_unchanged: second.job.unchangedCount,
        planted: planted.length,
        reported: reported.length,
        missed,
        bad_rows_written: bad,
        errors_run_seconds: Number(errors.seconds.toFixed(1)),
      }),
    );
  } finally {
    await db.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * npm run bench -- --subjects N   (PostgreSQL: DATABASE_URL; loads the data set when absent)
 * npm run bench -- --engine pglite (the embedded default with the 3,000-subject demo set)
 *
 * Starts the production server and drives it over loopback with autocannon. autocannon's own rate option
 * sends each connection's per-second budget back-to-back at the top of every second (lib/httpClient.js), so
 * its "fixed rate" is a burst; instead each endpoint is driven closed-loop at stepped concurrency (1, 2, 4 …),
 * and the figure is the highest throughput sustained with p95 within target and no errors.
 * The last line printed is one JSON object with the figures.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { type DbHandle, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { chinaDate } from "../lib/calendar/dates";
import { parseSearchQuery } from "../lib/subjects/search-query";
import { config } from "../server/config";
import { searchSql } from "../server/queries/search";
import { benchCluster } from "./bench-cluster";
import { type BenchRun, curveTable } from "./bench-curve";
import { BENCH_FILES_DIR, benchOpenData, pct } from "./bench-open-data";
import { benchSearchQuality } from "./bench-search";
import { benchAppOverSql, benchBigramVsTrigram, explainPublicQueries } from "./bench-sql";
import { benchSupervision } from "./bench-supervision";
import { flag, runCli, serveArgs } from "./cli";
import { loadFixtures } from "./seed/fixtures";
import { isSeeded, seedDemo } from "./seed/index";
import { perMillionRecords } from "./seed/load";

const PORT = Number(flag("port") ?? 3200);
const STEP_SECONDS = Number(flag("step-seconds") ?? 8);
const RATE_LIMIT = 100_000_000; // per client per minute: one load generator must not be throttled

type Endpoint = { key: string; label: string; targetP95: number; paths: () => string };
const CONCURRENCY = [1, 2, 4, 8, 16, 32];
type Step = {
  concurrency: number;
  rate: number;
  sent: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
};

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T;

async function sample(db: DbHandle) {
  const names = (await db.exec(
    "SELECT name FROM subjects WHERE kind <> 'natural_person' AND id IN (SELECT (random() * (SELECT max(id) FROM subjects))::bigint FROM generate_series(1, 3000))",
  )) as { name: string }[];
  const fragments: string[] = [];
  for (const { name } of names) {
    const core = Array.from(name.replace("（演示）", ""));
    for (const len of [2, 3, 4]) {
      const start = Math.floor(Math.random() * Math.max(1, core.length - len));
      fragments.push(core.slice(start, start + len).join(""));
    }
  }
  const codes = (
    await db.exec(
      "SELECT uscc FROM subjects WHERE uscc IS NOT NULL AND id IN (SELECT (random() * (SELECT max(id) FROM subjects))::bigint FROM generate_series(1, 3000))",
    )
  ).map((r) => String(r.uscc));
  // misses: real-looking but absent (a fragment no generated name contains)
  const misses = ["鸿蒙量子", "星际航运", "火星矿业", "深海牧场", "云端酿造"];
  return { fragments, codes, misses };
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, serveArgs(PORT), {
    env: {
      AUTH_SECRET: `bench-${randomBytes(16).toString("hex")}`,
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not become ready");
}

/** One closed-loop run; latencies recorded per response so p95 is exact (autocannon's histogram has no p95). */
function drive(paths: () => string, concurrency: number, seconds: number): Promise<Step> {
  const latencies: number[] = [];
  let errors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${PORT}`,
        connections: concurrency,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        errors += result.errors + result.timeouts;
        resolve({
          concurrency,
          rate: Math.round(latencies.length / seconds),
          sent: latencies.length,
          p50: pct(latencies, 50),
          p95: pct(latencies, 95),
          p99: pct(latencies, 99),
          errors,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status >= 400 && status !== 404) errors++;
    });
  });
}

async function capacity(e: Endpoint): Promise<{ best: Step | null; steps: Step[] }> {
  await drive(e.paths, 2, 3); // warm caches and JIT
  const steps: Step[] = [];
  let best: Step | null = null;
  for (const c of CONCURRENCY) {
    const s = await drive(e.paths, c, STEP_SECONDS);
    steps.push(s);
    const held = s.p95 <= e.targetP95 && s.errors === 0;
    console.log(
      `  ${e.key.padEnd(12)} concurrency ${String(c).padStart(2)} → ${String(s.rate).padStart(5)} req/s  p50 ${s.p50.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}  p99 ${s.p99.toFixed(1).padStart(6)} ms  errors ${s.errors}  ${held ? "ok" : "over target"}`,
    );
    if (held && (!best || s.rate > best.rate)) best = s;
    if (!held) break;
  }
  return { best, steps };
}

async function rawSqlP50(db: DbHandle, fragments: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 400; i++) {
    const q = parseSearchQuery(pick(fragments));
    if (q.kind !== "name") continue;
    const { text, params } = searchSql(q, {}, 1);
    const t = performance.now();
    await db.exec(text, params);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return pct(times, 50);
}

async function benchPostgres(): Promise<void> {
  const url = config().databaseUrl;
  if (!url)
    throw new Error("npm run bench 需要 DATABASE_URL（PostgreSQL）；嵌入式数据库请用 --engine pglite");
  const subjects = Number(flag("subjects") ?? 1_000_000);
  const db = await openDatabase({ databaseUrl: url, pgliteDir: "", poolSize: 4 });
  try {
    await migrateDatabase(db);
    if (!(await isSeeded(db))) {
      console.log(`loading ${subjects} subjects…`);
      const r = await seedDemo(db, {
        subjects,
        seed: 20260101,
        anchor: chinaDate(new Date()),
        piiKey: config().piiKey,
        log: console.log,
        recordScale: Number(flag("record-scale") ?? 1),
      });
      console.log(`loaded in ${r.seconds.toFixed(0)} s`);
    }
    await db.exec(
      `INSERT INTO settings (key, value) VALUES ('apiRateLimitPerMinute', $1::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [JSON.stringify(RATE_LIMIT)],
    );
    const [counts] = await db.exec(
      "SELECT (SELECT count(*) FROM subjects)::int AS subjects, ((SELECT count(*) FROM penalties) + (SELECT count(*) FROM licences) + (SELECT count(*) FROM admin_acts))::int AS records",
    );
    const only = flag("only");
    // --only search / files / ratios: the server's figures alone (the supervision figures take minutes at a million)
    const skipSupervision = only === "search" || only === "files" || only === "ratios";
    if (!skipSupervision) console.log("graded supervision (issue 12)");
    const supervision = skipSupervision ? {} : await benchSupervision(db, (s) => console.log(`  ${s}`));
    if (flag("only") === "supervision") {
      console.log(
        JSON.stringify({
          engine: "postgres",
          subjects: counts?.subjects,
          records: counts?.records,
          ...supervision,
        }),
      );
      return;
    }
    const s = await sample(db);
    if (!flag("no-build"))
      spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
        stdio: "ignore",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      });
    // as production runs beside PostgreSQL: one server process per core (README, WEB_CONCURRENCY)
    const workers = process.env.WEB_CONCURRENCY ?? String(availableParallelism());
    console.log(`server: ${workers} process(es) (WEB_CONCURRENCY)`);
    const server = startServer({
      ...process.env,
      DATABASE_URL: url,
      DB_POOL_SIZE: flag("pool") ?? "16",
      OPEN_DATA_DIR: BENCH_FILES_DIR,
      WEB_CONCURRENCY: workers,
    });
    try {
      await waitReady();
      if (flag("only") === "files") {
        console.log("open-data files and deltas (issue 25 §3–4)");
        const files = await benchOpenData(db, PORT);
        console.log(
          JSON.stringify({ engine: "postgres", subjects: counts?.subjects, records: counts?.records, files }),
        );
        return;
      }
      // issue 24 §1: the app against pgbench on its own statements; the bigram index against pg_trgm
      const ratios = async () => {
        console.log("HTTP against pgbench on the same statements (issue 24)");
        const appOverSql = await benchAppOverSql({
          url,
          drive,
          fragments: s.fragments,
          codes: s.codes,
          today: chinaDate(new Date()),
          seconds: STEP_SECONDS,
          log: console.log,
        });
        console.log("bigram index against pg_trgm, 20 two-character fragments, LIMIT 500");
        const bigramVsTrgm = await benchBigramVsTrigram(db, console.log);
        const explain = flag("explain");
        if (explain) {
          await explainPublicQueries({
            db,
            fragment: s.fragments[0] ?? "瑞川",
            code: s.codes[0] ?? "",
            today: chinaDate(new Date()),
            file: explain,
          });
          console.log(`plans written to ${explain}`);
        }
        return { app_over_sql: appOverSql, bigram_vs_trgm: bigramVsTrgm };
      };
      if (only === "ratios") {
        console.log(
          JSON.stringify({
            engine: "postgres",
            subjects: counts?.subjects,
            records: counts?.records,
            ...(await ratios()),
          }),
        );
        return;
      }
      console.log("labelled search queries (issue 25)");
      const search = await benchSearchQuality(PORT, db);
      if (flag("only") === "search") {
        console.log(JSON.stringify({ engine: "postgres", subjects: counts?.subjects, search }));
        return;
      }
      const enc = encodeURIComponent;
      const searchPath = () => {
        const r = Math.random();
        const q = r < 0.8 ? pick(s.fragments) : r < 0.9 ? pick(s.codes) : pick(s.misses);
        return `?q=${enc(q)}`;
      };
      const endpoints: Endpoint[] = [
        {
          key: "search_api",
          label: "GET /api/v1/subjects?q=",
          targetP95: 50,
          paths: () => `/api/v1/subjects${searchPath()}`,
        },
        {
          key: "search_page",
          label: "GET /search?q=",
          targetP95: 200,
          paths: () => `/search${searchPath()}`,
        },
        {
          key: "lookup",
          label: "GET /api/v1/subjects/{uscc}",
          targetP95: 10,
          paths: () => `/api/v1/subjects/${pick(s.codes)}`,
        },
        {
          key: "profile",
          label: "GET /subjects/{uscc}",
          targetP95: 100,
          paths: () => `/subjects/${pick(s.codes)}`,
        },
      ];
      const results: Record<string, { best: Step | null; steps: Step[] }> = {};
      for (const e of endpoints) {
        console.log(`${e.label}  (target p95 ≤ ${e.targetP95} ms)`);
        results[e.key] = await capacity(e);
      }
      const sqlP50 = await rawSqlP50(db, s.fragments);
      const againstSql = await ratios();
      // the held step's figures; when none held, the lowest concurrency's, to show by how much it missed
      const r = (k: string) => results[k]?.best ?? results[k]?.steps[0] ?? null;
      const errors = Object.values(results).reduce((n, x) => n + (x.best?.errors ?? 0), 0);
      console.log("\nendpoint        held req/s  concurrency   p50 ms   p95 ms   p99 ms");
      for (const e of endpoints) {
        const b = results[e.key]?.best;
        console.log(
          `${e.key.padEnd(15)} ${String(b?.rate ?? 0).padStart(10)} ${String(b?.concurrency ?? 0).padStart(12)} ${(b?.p50 ?? 0).toFixed(1).padStart(8)} ${(b?.p95 ?? 0).toFixed(1).padStart(8)} ${(b?.p99 ?? 0).toFixed(1).padStart(8)}`,
        );
      }
      console.log(`raw search SQL p50 ${sqlP50.toFixed(2)} ms`);
      const round = (n: number | undefined) => Math.round((n ?? 0) * 100) / 100;
      const size = await loadFigures(db, Number(counts?.records));
      const out = JSON.stringify({
        engine: "postgres",
        subjects: counts?.subjects,
        records: counts?.records,
        ...size,
        // each endpoint at the highest concurrency that held its p95 target (the cost curve's cells)
        endpoints: Object.fromEntries(
          endpoints.map((e) => {
            const b = r(e.key);
            const f = { rps: results[e.key]?.best?.rate ?? 0, concurrency: b?.concurrency ?? 0 };
            return [e.key, { ...f, p50: round(b?.p50), p95: round(b?.p95), p99: round(b?.p99) }];
          }),
        ),
        search_rps: results.search_api?.best?.rate ?? 0,
        search_p50_ms: round(r("search_api")?.p50),
        search_p95_ms: round(r("search_api")?.p95),
        search_p99_ms: round(r("search_api")?.p99),
        search_page_rps: results.search_page?.best?.rate ?? 0,
        search_page_p95_ms: round(r("search_page")?.p95),
        search,
        lookup_rps: results.lookup?.best?.rate ?? 0,
        lookup_p95_ms: round(r("lookup")?.p95),
        profile_rps: results.profile?.best?.rate ?? 0,
        profile_p95_ms: round(r("profile")?.p95),
        sql_search_p50_ms: round(sqlP50),
        // like for like: the SQL is timed one query at a time, so compare the search at concurrency 1
        search_p50_single_client_ms: round(results.search_api?.steps[0]?.p50),
        search_to_sql_p50_ratio: round((results.search_api?.steps[0]?.p50 ?? 0) / sqlP50),
        rate_limit: RATE_LIMIT,
        errors,
        ...againstSql,
        ...supervision,
      });
      console.log(out);
      const file = flag("out");
      if (file) writeFileSync(file, `${out}\n`);
    } finally {
      server.kill("SIGTERM");
    }
  } finally {
    await db.close();
  }
}

/** The data set's size per million records, and its load time when the seed recorded it (scripts/seed). */
async function loadFigures(db: DbHandle, records: number) {
  const [row] = await db.exec(
    "SELECT pg_database_size(current_database())::bigint AS bytes, (SELECT value->>'seconds' FROM settings WHERE key = 'demo_data') AS seconds",
  );
  const f = perMillionRecords(records, Number(row?.bytes), row?.seconds ? Number(row.seconds) : undefined);
  return {
    mb_per_million_records: f.mb,
    ...(f.seconds === undefined ? {} : { load_seconds_per_million_records: f.seconds }),
  };
}

/** Every public page on the embedded default with the demo set: p95 with two clients at once. */
async function benchPglite(): Promise<void> {
  // --pglite-dir keeps a loaded set between runs (100,000 subjects take minutes to load)
  const kept = flag("pglite-dir");
  const parent = kept ?? mkdtempSync(join(tmpdir(), "credit-bench-"));
  const dir = kept ?? join(parent, "pglite");
  const anchor = chinaDate(new Date());
  const db = await openDatabase({ pgliteDir: dir });
  await migrateDatabase(db);
  let subjects = Number(flag("subjects") ?? 3000);
  if (await isSeeded(db)) {
    const [n] = await db.exec("SELECT count(*)::int AS n FROM subjects");
    subjects = Number(n?.n);
    console.log(`using the ${subjects} subjects already in ${dir}`);
  } else {
    console.log(`loading ${subjects} subjects into PGlite…`);
    const seeded = await seedDemo(db, { subjects, seed: 20260101, anchor, piiKey: config().piiKey });
    console.log(`loaded in ${seeded.seconds.toFixed(0)} s`);
    await loadFixtures(db, anchor, config().piiKey);
    subjects += 2;
  }
  await db.exec(
    `INSERT INTO settings (key, value) VALUES ('apiRateLimitPerMinute', $1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify(RATE_LIMIT)],
  );
  const s = await sample(db);
  const [pen] = await db.exec(
    "SELECT id FROM penalties WHERE status = 'active' AND disclosable ORDER BY decision_date DESC LIMIT 1",
  );
  const [lic] = await db.exec("SELECT id FROM licences ORDER BY id DESC LIMIT 1");
  const [stats] = await db.exec(
    "SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = 'public' AND tablename IN ('subjects', 'penalties')",
  );
  await db.close(); // the server must be the directory's only opener
  if (!flag("no-build"))
    spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "ignore",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  const server = startServer({ ...process.env, DATABASE_URL: "", PGLITE_DIR: dir });
  const pages: [string, () => string][] = [
    ["home", () => "/"],
    ["search", () => `/search?q=${encodeURIComponent(pick(s.fragments))}`],
    ["profile", () => `/subjects/${pick(s.codes)}`],
    ["penalties", () => "/penalties"],
    ["penalty", () => `/penalties/${pen?.id}`],
    ["licences", () => "/licences"],
    ["licence", () => `/licences/${lic?.id}`],
    ["list", () => "/lists/serious-dishonesty"],
    ["commitments", () => "/commitments"],
    ["open-data", () => "/open-data"],
    // issue 13: a numbered credit report, generated, stored and sent as a PDF on every request
    ["report_pdf", () => `/subjects/${pick(s.codes)}/report.pdf`],
    ["draws", () => "/supervision/draws"],
  ];
  const out: Record<string, number> = {};
  let search: Awaited<ReturnType<typeof benchSearchQuality>> | null = null;
  try {
    await waitReady();
    // the labels' subjects are read through a second handle only after the server has the directory: PGlite
    // must never have two openers (STACK-NOTES), so they come from the API's own answers instead
    search = await benchSearchQuality(PORT, null);
    for (const [name, path] of flag("only") === "search" ? [] : pages) {
      await drive(path, 1, 2);
      const st = await drive(path, 2, STEP_SECONDS);
      out[name] = Math.round(st.p95 * 10) / 10;
      console.log(
        `  ${name.padEnd(12)} ${st.rate} req/s  p50 ${st.p50.toFixed(1)} ms  p95 ${st.p95.toFixed(1)} ms  errors ${st.errors}`,
      );
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (!kept) rmSync(parent, { recursive: true, force: true });
  }
  console.log(
    JSON.stringify({
      engine: "pglite",
      subjects,
      planner_statistics_rows: stats?.n,
      concurrency: 2,
      page_p95_ms: out,
      max_page_p95_ms: Object.keys(out).length ? Math.max(...Object.values(out)) : null,
      search,
      rate_limit: RATE_LIMIT,
    }),
  );
}

await runCli(async () => {
  const curve = flag("curve");
  if (curve) {
    // files left by --out: the cost curve as the README's table
    const runs = curve.split(",").map((f) => JSON.parse(readFileSync(f, "utf8")) as BenchRun);
    console.log(curveTable(runs));
  } else if (flag("only") === "cluster") {
    // its own primary, replica, S3 server, nodes and load balancer (issue 24): no DATABASE_URL needed
    if (!flag("no-build")) spawnSync("npm", ["run", "build"], { stdio: "ignore" });
    const cluster = await benchCluster({
      seconds: Number(flag("seconds") ?? 30),
      concurrency: Number(flag("concurrency") ?? 4),
      log: console.log,
    });
    console.log(JSON.stringify({ cluster }));
  } else if (flag("engine") === "pglite") await benchPglite();
  else await benchPostgres();
  process.exit(0);
});

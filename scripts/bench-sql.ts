/**
 * Issue 24 §1: what the app adds over its own SQL, and the bigram index against pg_trgm.
 *
 * The statements a request runs are captured from the app's own query functions (every query reaches
 * postgres.js through `unsafe`), written into pgbench scripts with their parameters as literals, and run by
 * pgbench at the concurrency the HTTP figure was taken at. pgbench is PostgreSQL's own load generator: its
 * throughput is what the SQL alone can give on this machine.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbHandle } from "../db/client";
import type { IsoDate } from "../lib/calendar/dates";
import { parseSearchQuery } from "../lib/subjects/search-query";
import { parseSubjectCode } from "../lib/subjects/subject-code";
import { database } from "../server/db";
import { getLatestListPublications } from "../server/queries/home";
import { getSubjectProfile } from "../server/queries/profile";
import { searchSubjects } from "../server/queries/search";
import { pct } from "./bench-open-data";
import { inline, type Statement } from "./sql-literal";

type Drive = (
  paths: () => string,
  concurrency: number,
  seconds: number,
) => Promise<{ rate: number; p50: number; p95: number; errors: number }>;

/** A request's statement, and whether the app runs it on a kept generic plan (DbHandle.execKeyed). */
export type Captured = Statement & { generic: boolean };

/** The statements `run` sends through the server's own database handle, in order. */
export async function captureStatements(run: () => Promise<unknown>): Promise<Captured[]> {
  const h = await database();
  if (!h.pg || !h.pgKeyed) throw new Error("capturing statements needs PostgreSQL");
  const seen: Captured[] = [];
  const restore = [h.pg, h.pgKeyed].map((pg) => {
    const unsafe = pg.unsafe;
    const generic = pg === h.pgKeyed;
    pg.unsafe = ((text: string, params?: unknown[], opts?: unknown) => {
      seen.push({ text, params: params ?? [], generic });
      return unsafe.call(pg, text, params as never, opts as never);
    }) as typeof unsafe;
    return () => {
      pg.unsafe = unsafe;
    };
  });
  try {
    await run();
  } finally {
    for (const r of restore) r();
  }
  return seen;
}

export type PgbenchRun = { tps: number; p50: number; p95: number; transactions: number };

/**
 * pgbench over scripts (each a request's statements), closed loop at `concurrency` clients. The simple protocol
 * plans each statement as it runs, as the app's do (db/client.ts prepares them, but keeps custom plans). Where
 * the app keeps a generic plan (execKeyed), pgbench prepares the literal statements: each is planned once per
 * connection, as the app's is. Any other statement of those scripts is then planned once too, where the app plans
 * it per call, so the SQL figure errs on the fast side and the app's overhead on the large.
 */
export function pgbench(
  url: string,
  scripts: Captured[][],
  concurrency: number,
  seconds: number,
): PgbenchRun {
  const dir = mkdtempSync(join(tmpdir(), "credit-pgbench-"));
  try {
    const mode = scripts.some((s) => s.some((x) => x.generic)) ? "prepared" : "simple";
    const args = ["-n", "-M", mode, "-c", String(concurrency), "-j", String(Math.min(concurrency, 2))];
    args.push("-T", String(seconds), "--log", `--log-prefix=${join(dir, "tx")}`);
    scripts.forEach((statements, i) => {
      const file = join(dir, `s${i}.sql`);
      writeFileSync(file, `${statements.map((s) => `${inline(s).trim()};`).join("\n")}\n`);
      args.push("-f", file);
    });
    // the app's own session settings (db/client.ts), so that both plan alike
    const env = {
      ...process.env,
      PGOPTIONS: "-c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan -c jit=off",
    };
    const r = spawnSync("pgbench", [...args, url], { encoding: "utf8", env });
    const tps = /tps = ([\d.]+)/.exec(r.stdout)?.[1];
    if (r.status !== 0 || !tps) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
    // --log: one line per transaction, its latency in µs the third field
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith("tx"))
      .flatMap((f) => readFileSync(join(dir, f), "utf8").trim().split("\n"))
      .map((line) => Number(line.split(" ")[2]) / 1000)
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
    return {
      tps: Number(tps),
      p50: pct(latencies, 50),
      p95: pct(latencies, 95),
      transactions: latencies.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The request's statements, the second time it runs (settings and statistics read once per process). */
async function statementsOf(run: () => Promise<unknown>): Promise<Captured[]> {
  await run();
  return captureStatements(run);
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Frequent fragments of generated names: each matches a large share of the subjects. */
export const FREQUENT = ["公司", "南昌", "科技", "有限", "建设", "贸易", "赣州", "餐饮"];

/**
 * Issue 24 "must reach": the HTTP figure against pgbench on the same statements, at the same concurrency.
 * Search (sampled and frequent fragments) at 4 and 2 clients, the profile page at 4; the USCC lookup at one client.
 */
export async function benchAppOverSql(o: {
  url: string;
  drive: Drive;
  fragments: string[];
  codes: string[];
  today: IsoDate;
  seconds: number;
  log: (line: string) => void;
}) {
  const c = 4;
  const enc = encodeURIComponent;
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
  const fragments = o.fragments.slice(0, 64);
  const codes = o.codes.slice(0, 64);
  // one at a time: a capture sees every statement the server's handle sends while it lasts
  const search = async (qs: string[]) => {
    const scripts: Captured[][] = [];
    for (const q of qs)
      scripts.push(
        await statementsOf(() => searchSubjects({ q, page: 1, filters: {}, today: o.today, via: "url" })),
      );
    return scripts;
  };
  const profile = (code: string) => {
    const parsed = parseSubjectCode(code);
    if (parsed.kind === "invalid") throw new Error(`not a code: ${code}`);
    return statementsOf(() => getSubjectProfile({ code: parsed, today: o.today }));
  };
  const profiles: Captured[][] = [];
  for (const code of codes) profiles.push(await profile(code));

  const compare = async (key: string, scripts: Captured[][], path: () => string, clients: number) => {
    const sql = pgbench(o.url, scripts, clients, o.seconds);
    await o.drive(path, clients, 2);
    const http = await o.drive(path, clients, o.seconds);
    const row = {
      clients,
      statements_per_request: round(scripts.reduce((n, s) => n + s.length, 0) / scripts.length, 1),
      sql_tps: round(sql.tps, 0),
      sql_p50_ms: round(sql.p50),
      sql_p95_ms: round(sql.p95),
      http_rps: http.rate,
      http_p50_ms: round(http.p50),
      http_p95_ms: round(http.p95),
      http_errors: http.errors,
      throughput_ratio: round(http.rate / sql.tps),
      p50_over_sql_ms: round(http.p50 - sql.p50),
    };
    o.log(
      `  ${key.padEnd(18)} c=${clients}  SQL ${row.sql_tps} tx/s p50 ${row.sql_p50_ms} ms · HTTP ${row.http_rps} req/s p50 ${row.http_p50_ms} p95 ${row.http_p95_ms} ms · ratio ${row.throughput_ratio}, +${row.p50_over_sql_ms} ms p50`,
    );
    return row;
  };
  const sampled = await search(fragments);
  const frequent = await search(FREQUENT);
  const sampledPath = () => `/api/v1/subjects?q=${enc(pick(fragments))}`;
  const frequentPath = () => `/api/v1/subjects?q=${enc(pick(FREQUENT))}`;
  return {
    search_sampled: await compare("search_sampled", sampled, sampledPath, c),
    search_frequent: await compare("search_frequent", frequent, frequentPath, c),
    // the target also asks for p95 ≤ 50 ms, which at 4 clients the statements alone may miss on two cores
    search_sampled_c2: await compare("search_sampled", sampled, sampledPath, 2),
    search_frequent_c2: await compare("search_frequent", frequent, frequentPath, 2),
    lookup: await compare("lookup", profiles, () => `/api/v1/subjects/${pick(codes)}`, 1),
    profile_page: await compare("profile_page", profiles, () => `/subjects/${pick(codes)}`, c),
  };
}

/**
 * A fixed set of 20 two-character fragments: 10 that many names share, 10 that few do (generated trade names).
 * Issue 24: the bigram index must stay ≥ 100× ahead of pg_trgm on them.
 */
export const TWO_CHARACTER_FRAGMENTS = [
  ...["公司", "南昌", "科技", "建设", "贸易", "赣州", "餐饮", "物流", "电子", "农业"],
  ...["瑞川", "泰岚", "青川", "森航", "博睿", "嘉邦", "恒昌", "晟辉", "宏远", "润益"],
];

async function timed(db: DbHandle, text: string, params: unknown[]): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await db.exec(text, params);
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[1] as number;
}

/**
 * The bigram index (name_grams, GIN on text[]) against a pg_trgm GIN index on the same folded names, for
 * each fragment: the same filter and LIMIT 500, the median of three runs. The trigram index is built here
 * and dropped afterwards, so the bigram query cannot use it.
 */
export async function benchBigramVsTrigram(db: DbHandle, log: (line: string) => void) {
  const cols = "SELECT id, name FROM subjects WHERE";
  const cases = TWO_CHARACTER_FRAGMENTS.map((f) => {
    const q = parseSearchQuery(f);
    if (q.kind !== "name") throw new Error(`not a name fragment: ${f}`);
    return { f, grams: q.grams, like: `%${q.fragments[0] ?? f}%` };
  });
  const bigram: number[] = [];
  const hits: number[] = [];
  for (const x of cases) {
    // as the app asks the bigram index for a two-character fragment: by its gram alone (server/queries/search.ts)
    const text = `${cols} name_grams @> $1::text[] AND kind <> 'natural_person' LIMIT 500`;
    bigram.push(await timed(db, text, [x.grams]));
    hits.push((await db.exec(text, [x.grams])).length);
  }
  await db.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
  await db.exec("DROP INDEX IF EXISTS bench_name_trgm");
  const built = performance.now();
  await db.exec("CREATE INDEX bench_name_trgm ON subjects USING gin (name_folded gin_trgm_ops)");
  const buildSeconds = (performance.now() - built) / 1000;
  await db.exec("ANALYZE subjects");
  const trigram: number[] = [];
  const plans: string[] = [];
  try {
    for (const x of cases) {
      const text = `${cols} name_folded LIKE $1 AND kind <> 'natural_person' LIMIT 500`;
      trigram.push(await timed(db, text, [x.like]));
      const plan = await db.exec(`EXPLAIN ${text}`, [x.like]);
      plans.push(plan.map((r) => String(r["QUERY PLAN"])).join(" "));
    }
  } finally {
    await db.exec("DROP INDEX IF EXISTS bench_name_trgm");
  }
  const ratios = cases.map((_, i) => (trigram[i] as number) / Math.max(bigram[i] as number, 0.001));
  cases.forEach((x, i) => {
    log(
      `  ${x.f}  hits ${String(hits[i]).padStart(3)}  bigram ${bigram[i]?.toFixed(2).padStart(7)} ms  pg_trgm ${trigram[i]?.toFixed(2).padStart(8)} ms  ×${ratios[i]?.toFixed(0)}`,
    );
  });
  const median = (xs: number[]) =>
    pct(
      [...xs].sort((a, b) => a - b),
      50,
    );
  return {
    fragments: cases.length,
    bigram_median_ms: round(median(bigram), 3),
    trgm_median_ms: round(median(trigram), 3),
    median_ratio: round(median(ratios), 1),
    ratio_of_medians: round(median(trigram) / median(bigram), 1),
    trgm_plans_using_index: plans.filter((p) => p.includes("bench_name_trgm")).length,
    trgm_index_build_s: round(buildSeconds, 1),
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each public query the benchmark drives, written to `file` for the README's
 * notes on plans at 5M: a frequent and a rare search, a profile, the home page's latest list entries.
 */
export async function explainPublicQueries(o: {
  db: DbHandle;
  fragment: string;
  code: string;
  today: IsoDate;
  file: string;
}) {
  const code = parseSubjectCode(o.code);
  if (code.kind === "invalid") throw new Error(`not a code: ${o.code}`);
  const requests: [string, () => Promise<unknown>][] = [
    ["search 公司", () => searchSubjects({ q: "公司", today: o.today })],
    [`search ${o.fragment}`, () => searchSubjects({ q: o.fragment, today: o.today })],
    ["profile", () => getSubjectProfile({ code, today: o.today })],
    ["home: latest list entries", () => getLatestListPublications({ today: o.today, limit: 10 })],
  ];
  let out = "";
  for (const [name, run] of requests) {
    for (const s of await statementsOf(run)) {
      const rows = await o.db.exec(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, [...s.params]);
      out += `## ${name}\n${s.text.trim()}\n\n${rows.map((r) => String(r["QUERY PLAN"])).join("\n")}\n\n`;
    }
  }
  writeFileSync(o.file, out);
}

/**
 * Issue 24 §1: the cost curve. Each full `npm run bench -- --out FILE` run leaves its JSON; `--curve A,B,C` prints
 * them side by side, one column per data set, as the Markdown table the README keeps.
 */
export type EndpointFigure = { rps: number; concurrency: number; p50: number; p95: number; p99: number };
export type BenchRun = {
  subjects: number;
  records: number;
  endpoints?: Record<string, EndpointFigure>;
  regrade_all_s?: number;
  draw_pool?: number;
  draw_confirm_ms?: number;
  load_seconds_per_million_records?: number;
  mb_per_million_records?: number;
  app_over_sql?: Record<
    string,
    { http_rps: number; sql_tps: number; throughput_ratio: number; p50_over_sql_ms: number }
  >;
  bigram_vs_trgm?: { median_ratio: number };
};

const LABELS: Record<string, string> = {
  search_api: "search API `GET /api/v1/subjects?q=`",
  search_page: "search page `/search?q=`",
  lookup: "USCC lookup `GET /api/v1/subjects/{uscc}`",
  profile: "profile page `/subjects/{uscc}`",
};

const millions = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(n % 1e6 === 0 ? 0 : 2)}M` : `${Math.round(n / 1e3)}k`;

/** A Markdown table: a row per endpoint and figure, a column per run (ordered by size). */
export function curveTable(runs: readonly BenchRun[]): string {
  const sorted = [...runs].sort((a, b) => a.subjects - b.subjects);
  const head = `| | ${sorted.map((r) => `${millions(r.subjects)} subjects / ${millions(r.records)} records`).join(" | ")} |`;
  const rule = `|---|${sorted.map(() => "---:").join("|")}|`;
  const rows: string[] = [];
  const keys = [...new Set(sorted.flatMap((r) => Object.keys(r.endpoints ?? {})))];
  for (const k of keys) {
    const cell = (r: BenchRun) => {
      const e = r.endpoints?.[k];
      if (!e) return "—";
      const at = `p50 ${e.p50.toFixed(1)} / p95 ${e.p95.toFixed(1)} ms`;
      // no concurrency held the p95 target: the one-client figures, to show by how much
      return e.rps === 0 ? `p95 target missed at c=1 · ${at}` : `${e.rps} req/s (c=${e.concurrency}) · ${at}`;
    };
    rows.push(`| ${LABELS[k] ?? k} | ${sorted.map(cell).join(" | ")} |`);
  }
  const line = (label: string, f: (r: BenchRun) => string | undefined) =>
    rows.push(`| ${label} | ${sorted.map((r) => f(r) ?? "—").join(" | ")} |`);
  const ratio = (k: string) => (r: BenchRun) => {
    const x = r.app_over_sql?.[k];
    return x
      ? `${x.throughput_ratio} (${x.http_rps} / ${x.sql_tps}), +${x.p50_over_sql_ms} ms p50`
      : undefined;
  };
  line("search, sampled fragments: HTTP ÷ pgbench (c=4)", ratio("search_sampled"));
  line("search, frequent fragments: HTTP ÷ pgbench (c=4)", ratio("search_frequent"));
  line("lookup: HTTP p50 over its SQL (c=1)", (r) => {
    const x = r.app_over_sql?.lookup;
    return x ? `+${x.p50_over_sql_ms} ms` : undefined;
  });
  line("profile page ÷ pgbench on its SQL (c=4)", ratio("profile_page"));
  line("bigram ÷ pg_trgm, 2-character fragments (median ×)", (r) =>
    r.bigram_vs_trgm ? `×${r.bigram_vs_trgm.median_ratio}` : undefined,
  );
  line("full regrade", (r) => (r.regrade_all_s === undefined ? undefined : `${r.regrade_all_s} s`));
  line("province-wide draw: confirm", (r) =>
    r.draw_confirm_ms === undefined ? undefined : `${r.draw_confirm_ms} ms (pool ${r.draw_pool})`,
  );
  line("load, per million records", (r) =>
    r.load_seconds_per_million_records === undefined ? undefined : `${r.load_seconds_per_million_records} s`,
  );
  line("database size, per million records", (r) =>
    r.mb_per_million_records === undefined ? undefined : `${r.mb_per_million_records} MB`,
  );
  return [head, rule, ...rows].join("\n");
}

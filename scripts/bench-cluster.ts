import { pct } from "./bench-open-data";
import { type Cluster, startCluster } from "./cluster";
import { pdfText } from "./pdf-text";

/**
 * Issue 24 "must reach": one replica and two app nodes behind HAProxy under a mixed public load, counted where the
 * statements ran (pg_stat_statements on each server). Visitors who download a report (a write) ask for its stored
 * original at once: a 404 there is a stale read of their own write.
 */

const PUBLIC_READ_FILTER = `
  where query ~* '^\\s*(select|with)'
    and query ~* '\\m(subjects|penalties|licences|list_entries|credit_lists|commitments|dump_files|dataset_state|news_items|credit_reports)\\M'
    and query !~* 'for update|for key share|for share|pg_is_in_recovery|pg_current_wal|pg_last_wal'`;
const PUBLIC_READS = `select coalesce(sum(calls), 0)::int as n from pg_stat_statements ${PUBLIC_READ_FILTER}`;
const WRITES = `select coalesce(sum(calls), 0)::int as n from pg_stat_statements
  where query ~* '^\\s*(insert|update|delete)'`;

type Kind = "read" | "own_write" | "own_read";
/** the share of visits that download a report (a write) and read it back at once */
const WRITERS = 0.03;

export async function benchCluster(o: { seconds: number; concurrency: number; log: (s: string) => void }) {
  o.log("starting the cluster (primary, replica, S3, two nodes, HAProxy)…");
  const cluster: Cluster = await startCluster({ apiPerMinute: 1_000_000, subjects: 3000 });
  try {
    const p = cluster.sql("primary");
    const r = cluster.sql("replica");
    const codes = (
      await p`select uscc from subjects where kind = 'legal_person' and uscc is not null order by id limit 200`
    ).map((x) => String(x.uscc));
    const enc = encodeURIComponent;
    const fragments = ["公司", "物流", "建设", "南昌", "科技", "赣州", "医药", "餐饮"];
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
    // a public mix by weight: mostly searches and profiles, a few list pages, a rare open-data download
    const reads: [number, () => string][] = [
      [30, () => `/search?q=${enc(pick(fragments))}`],
      [20, () => `/api/v1/subjects?q=${enc(pick(fragments))}`],
      [15, () => `/api/v1/subjects/${pick(codes)}`],
      [15, () => `/subjects/${pick(codes)}`],
      [5, () => "/lists/serious-dishonesty"],
      [5, () => `/penalties?q=${enc(pick(fragments))}`],
      [4, () => "/licences"],
      [5, () => "/"],
      [1, () => "/open-data/penalties.json"],
    ];
    const total = reads.reduce((n, [w]) => n + w, 0);
    const readPath = () => {
      let x = Math.random() * total;
      for (const [w, path] of reads) {
        x -= w;
        if (x < 0) return path();
      }
      return "/";
    };
    await p`select pg_stat_statements_reset()`;
    await r`select pg_stat_statements_reset()`;
    const latencies: Record<Kind, number[]> = { read: [], own_write: [], own_read: [] };
    const nodes: Record<string, number> = {};
    let errors = 0;
    let stale = 0;
    let client = 0;
    const end = Date.now() + o.seconds * 1000;
    const timed = async (kind: Kind, path: string, headers: Record<string, string>) => {
      const t = performance.now();
      const res = await fetch(`${cluster.url}${path}`, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      latencies[kind].push(performance.now() - t);
      const node = res.headers.get("x-node") ?? "?";
      nodes[node] = (nodes[node] ?? 0) + 1;
      return { res, body };
    };
    const worker = async () => {
      while (Date.now() < end) {
        client = (client + 1) % 60_000;
        const headers = { "x-forwarded-for": `10.${client >> 8}.${client & 255}.${(client % 200) + 1}` };
        if (Math.random() < WRITERS) {
          // a visitor who writes, then reads what it wrote
          const w = await timed("own_write", `/subjects/${pick(codes)}/report.pdf`, headers);
          if (w.res.status !== 200) {
            errors++;
            continue;
          }
          const no = w.res.headers.get("x-report-no");
          const code = /核验码：([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(await pdfText(w.body))?.[1];
          const cookie = (w.res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
          const own = await timed("own_read", `/verify/original?no=${no}&code=${code}`, {
            ...headers,
            cookie,
          });
          if (own.res.status === 404) stale++;
          else if (own.res.status !== 200) errors++;
        } else {
          const res = await timed("read", readPath(), headers);
          if (res.res.status !== 200) errors++;
        }
      }
    };
    o.log(`mixed public load: ${o.concurrency} clients for ${o.seconds} s…`);
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    const count = async (sql: typeof p, text: string) => Number((await sql.unsafe(text))[0]?.n);
    const onReplica = await count(r, PUBLIC_READS);
    const onPrimary = await count(p, PUBLIC_READS);
    // what the primary still reads for the public, and why (the note explains each)
    const primaryTop = await p.unsafe(
      `select calls::int, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as query from pg_stat_statements ${PUBLIC_READ_FILTER} order by calls desc limit 6`,
    );
    const summary = (xs: number[]) => {
      const s = [...xs].sort((x, y) => x - y);
      return {
        requests: s.length,
        p50_ms: Math.round(pct(s, 50) * 10) / 10,
        p95_ms: Math.round(pct(s, 95) * 10) / 10,
      };
    };
    return {
      seconds: o.seconds,
      concurrency: o.concurrency,
      errors,
      by_node: nodes,
      public_reads_on_replica: onReplica,
      public_reads_on_primary: onPrimary,
      replica_share: Math.round((onReplica / Math.max(1, onReplica + onPrimary)) * 1000) / 1000,
      primary_public_reads_top: primaryTop.map((x) => `${x.calls}× ${x.query}`),
      writes_on_replica: await count(r, WRITES),
      writes_on_primary: await count(p, WRITES),
      own_reads: latencies.own_read.length,
      stale_own_reads: stale,
      reads: summary(latencies.read),
      own_writes: summary(latencies.own_write),
      own_reads_latency: summary(latencies.own_read),
    };
  } finally {
    await cluster.stop();
  }
}

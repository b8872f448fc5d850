import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import S3rver from "s3rver";
import { freePort, type PgServer, postgresBin, startPrimary, startReplica } from "../db/testing/cluster";
import { serveArgs } from "./cli";

/**
 * Issue 24 §4: a whole cluster on this machine, started by the test and removed by it — a PostgreSQL primary and
 * its streaming replica, an S3 server, two app nodes of the production build, and HAProxy in front. Nothing the
 * machine already runs is touched.
 */

export type AppNode = {
  name: "a" | "b";
  port: number;
  url: string;
  start(): Promise<void>;
  kill(): void;
};

export type Cluster = {
  primary: PgServer;
  replica: PgServer;
  /** the load balancer: what the public reaches */
  url: string;
  nodes: { a: AppNode; b: AppNode };
  /** a client on the primary (or the replica) for what the test checks */
  sql(on?: "primary" | "replica"): postgres.Sql;
  stop(): Promise<void>;
};

const SECRETS = {
  AUTH_SECRET: "cluster-auth-secret-0123456789abcdef",
  PII_KEY: "cluster-pii-key-0123456789",
  AUDIT_KEY: "cluster-audit-key-0123456789",
  SITE_URL: "http://127.0.0.1",
};

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function until(ok: () => Promise<boolean>, what: string, ms = 120_000) {
  const end = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The HAProxy configuration the README shows: round robin, and only GET/HEAD retried on another node. */
export function haproxyConfig(o: { port: number; nodes: { name: string; port: number }[] }): string {
  return `global
  maxconn 512

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # a node that refuses the connection or dies before answering: the request goes to the other node
  retries 2
  option redispatch 1
  retry-on conn-failure empty-response response-timeout

frontend public
  bind 127.0.0.1:${o.port}
  option forwardfor
  # a write may have been done before the node died: never sent twice
  http-request disable-l7-retry if !METH_GET
  default_backend app

backend app
  balance roundrobin
  http-response set-header X-Node %s
${o.nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.port} check inter 500 fall 1 rise 2`).join("\n")}
`;
}

export async function startCluster(o: { apiPerMinute: number; subjects?: number }): Promise<Cluster> {
  if (!existsSync(".next/BUILD_ID"))
    throw new Error("the cluster runs the production build: run `npm run build` first");
  const bin = postgresBin();
  if (!bin) throw new Error("no PostgreSQL server binaries on this machine");
  const root = mkdtempSync(join(tmpdir(), "credit-cluster-"));
  const children: ChildProcess[] = [];
  const clients: postgres.Sql[] = [];
  let primary: PgServer | undefined;
  let replica: PgServer | undefined;
  let s3: S3rver | undefined;
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await Promise.all(clients.map((c) => c.end({ timeout: 1 }).catch(() => {})));
    await s3?.close().catch(() => {});
    replica?.remove();
    primary?.remove();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    primary = await startPrimary(bin);
    const s3Port = await freePort();
    s3 = new S3rver({
      address: "127.0.0.1",
      port: s3Port,
      silent: true,
      directory: join(root, "s3"),
      configureBuckets: [{ name: "credit-cluster", configs: [] }],
    });
    await s3.run();
    const shared = {
      ...process.env,
      ...SECRETS,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: primary.url(),
      S3_URL: `http://127.0.0.1:${s3Port}`,
      S3_BUCKET: "credit-cluster",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      OUTBOX_WORKER: "off",
    };
    // the data first, on the primary, so the replica starts from it
    // not execFileSync: the S3 server answers from this process's event loop
    await run(
      [
        "--conditions",
        "react-server",
        "--import",
        "tsx",
        "scripts/seed.ts",
        "--subjects",
        String(o.subjects ?? 400),
        "--fixtures",
        "--open-data",
      ],
      {
        ...shared,
        CASE_FILES_DIR: join(root, "seed", "case-files"),
        OPEN_DATA_DIR: join(root, "seed", "od"),
      },
    );
    const p = postgres(primary.url(), { max: 2, onnotice: () => {} });
    clients.push(p);
    await p`create extension if not exists pg_stat_statements`;
    await p`insert into settings (key, value) values ('apiRateLimitPerMinute', ${p.json(o.apiPerMinute)})
      on conflict (key) do update set value = excluded.value`;
    replica = await startReplica(bin, primary);
    const r = postgres(replica.url(), { max: 2, onnotice: () => {} });
    clients.push(r);

    const node = async (name: "a" | "b"): Promise<AppNode> => {
      const port = await freePort();
      let child: ChildProcess | undefined;
      const self: AppNode = {
        name,
        port,
        url: `http://127.0.0.1:${port}`,
        async start() {
          child = spawn(process.execPath, serveArgs(port), {
            env: {
              ...shared,
              PORT: String(port),
              DATABASE_REPLICA_URLS: replica?.url(),
              // long enough that a replay paused by a test still counts as in step: the routing is what is shown
              DATABASE_REPLICA_MAX_LAG_MS: "60000",
              DB_POOL_SIZE: "5",
              // node B is two server processes on one port, as production runs one per core (scripts/serve.ts)
              WEB_CONCURRENCY: name === "b" ? "2" : "1",
              // the load balancer adds the client's address after the one the test claims
              TRUSTED_PROXIES: "2",
              IMPORT_DIR: join(root, name, "imports"),
              CASE_FILES_DIR: join(root, name, "case-files"),
              OPEN_DATA_DIR: join(root, name, "open-data"),
            },
            stdio: ["ignore", "ignore", "inherit"],
          });
          children.push(child);
          await until(async () => (await fetch(`${self.url}/robots.txt`)).ok, `node ${name}`);
        },
        kill() {
          child?.kill("SIGKILL");
        },
      };
      await self.start();
      return self;
    };
    const nodes = { a: await node("a"), b: await node("b") };
    const lbPort = await freePort();
    const cfg = join(root, "haproxy.cfg");
    writeFileSync(
      cfg,
      haproxyConfig({
        port: lbPort,
        nodes: [
          { name: "a", port: nodes.a.port },
          { name: "b", port: nodes.b.port },
        ],
      }),
    );
    execFileSync("haproxy", ["-c", "-q", "-f", cfg]);
    const lb = spawn("haproxy", ["-db", "-f", cfg], { stdio: ["ignore", "ignore", "inherit"] });
    children.push(lb);
    const url = `http://127.0.0.1:${lbPort}`;
    await until(async () => (await fetch(`${url}/`)).ok, "the load balancer");
    return {
      primary,
      replica,
      url,
      nodes,
      sql: (on = "primary") => (on === "primary" ? p : r),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

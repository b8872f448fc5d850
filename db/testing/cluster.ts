import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Throwaway PostgreSQL servers for the cluster tests (issue 24 §4): a primary and its streaming replica from
 * `initdb` and `pg_basebackup -R`, on ports and in directories of their own, stopped and removed by the test that
 * started them. Never the machine's own server.
 */

/** The directory of initdb, pg_ctl and pg_basebackup, or null when this machine has no PostgreSQL server. */
export function postgresBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, "initdb"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

/** What the cluster suite needs and lacks here ("" when nothing). */
export function clusterPrerequisites(): string {
  const missing: string[] = [];
  if (!postgresBin()) missing.push("PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup)");
  if (spawnSync("haproxy", ["-v"]).status !== 0) missing.push("haproxy");
  return missing.join(", ");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// PostgreSQL refuses to run as root: as root, its commands run as the postgres user, in directories it owns
const asRoot = process.getuid?.() === 0;
function run(bin: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
function ownDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

export type PgServer = {
  port: number;
  dataDir: string;
  url(database?: string): string;
  start(): void;
  /** a fast shutdown; `immediate` is a crash */
  stop(mode?: "fast" | "immediate"): void;
  /** stops it if running and removes its directory */
  remove(): void;
};

function server(bin: string, root: string, dataDir: string, port: number): PgServer {
  const log = join(root, "server.log");
  const ctl = (args: string[]) => run(join(bin, "pg_ctl"), ["-D", dataDir, ...args]);
  let running = false;
  const self: PgServer = {
    port,
    dataDir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      ctl(["-l", log, "-w", "-t", "60", "start"]);
      running = true;
    },
    stop(mode = "fast") {
      if (!running) return;
      ctl(["-m", mode, "-w", "stop"]);
      running = false;
    },
    remove() {
      try {
        self.stop("immediate");
      } catch {
        // already gone
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  return self;
}

/** A fresh primary that streams to replicas and counts statements (pg_stat_statements). */
export async function startPrimary(bin: string): Promise<PgServer> {
  const root = ownDir("credit-pg-primary-");
  const dataDir = join(root, "data");
  const port = await freePort();
  run(join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  appendFileSync(
    join(dataDir, "postgresql.conf"),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      "wal_level = replica",
      "max_wal_senders = 5",
      "hot_standby = on",
      "shared_preload_libraries = 'pg_stat_statements'",
      "pg_stat_statements.track = all",
      // a throwaway server: durability buys nothing here
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "",
    ].join("\n"),
  );
  appendFileSync(join(dataDir, "pg_hba.conf"), "host replication all 127.0.0.1/32 trust\n");
  const pg = server(bin, root, dataDir, port);
  pg.start();
  return pg;
}

/** A streaming replica of `primary` (`pg_basebackup -R`), started and replaying. */
export async function startReplica(bin: string, primary: PgServer): Promise<PgServer> {
  const root = ownDir("credit-pg-replica-");
  const dataDir = join(root, "data");
  const port = await freePort();
  run(join(bin, "pg_basebackup"), [
    "-h",
    "127.0.0.1",
    "-p",
    String(primary.port),
    "-U",
    "postgres",
    "-D",
    dataDir,
    "-R",
    "-X",
    "stream",
    // at once, not after a spread checkpoint (up to minutes)
    "-c",
    "fast",
  ]);
  appendFileSync(
    join(dataDir, "postgresql.auto.conf"),
    `port = ${port}\nunix_socket_directories = '${root}'\n`,
  );
  const pg = server(bin, root, dataDir, port);
  pg.start();
  return pg;
}

import { type DbHandle, openDatabase } from "@/db/client";
import { openReplicas, type ReplicaSet } from "@/db/replicas";
import { config } from "./config";

// One handle per process, kept on globalThis so dev reloads never open the PGlite directory twice.
const holder = globalThis as unknown as { __creditDb?: Promise<DbHandle> };

export function database(): Promise<DbHandle> {
  // A prerender that reads data would open (and lock) the embedded directory from a build worker, then leave
  // the server locked out. Fail the build loudly instead: such a page lacks `await connection()`.
  if (process.env.NEXT_PHASE === "phase-production-build") {
    return Promise.reject(
      new Error("The database was opened during `next build`: add `await connection()` to the page."),
    );
  }
  if (!holder.__creditDb) {
    const c = config();
    holder.__creditDb = openDatabase({
      databaseUrl: c.databaseUrl,
      pgliteDir: c.pgliteDir,
      poolSize: c.poolSize,
    });
    holder.__creditDb.catch(() => {
      holder.__creditDb = undefined; // let the next request retry after a failure
    });
  }
  return holder.__creditDb;
}

export async function getDb() {
  return (await database()).db;
}

const replicas = globalThis as unknown as { __creditReplicas?: Promise<ReplicaSet | null> };

/**
 * The streaming replicas of DATABASE_REPLICA_URLS (issue 24 §3), opened once per process beside the primary;
 * null without any. `npm start` checks them before it listens (checkReplicasAtStart): a primary named as a
 * replica stops the start.
 */
export function replicaSet(): Promise<ReplicaSet | null> {
  if (!replicas.__creditReplicas) {
    const c = config();
    replicas.__creditReplicas = (async () => {
      if (!c.databaseUrl || c.replicaUrls.length === 0) return null;
      const { pg, pgKeyed } = await database();
      if (!pg) return null;
      return openReplicas({
        urls: c.replicaUrls,
        primary: pg,
        primaryKeyed: pgKeyed,
        poolSize: c.poolSize,
        maxLagMs: c.replicaMaxLagMs,
      });
    })();
    replicas.__creditReplicas.catch(() => {
      replicas.__creditReplicas = undefined;
    });
  }
  return replicas.__creditReplicas;
}

import { type DbHandle, openDatabase } from "@/db/client";
import { config } from "./config";

// One handle per process, kept on globalThis so dev reloads never open the PGlite directory twice.
const holder = globalThis as unknown as { __creditDb?: Promise<DbHandle> };

export function database(): Promise<DbHandle> {
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

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, openDatabase } from "../client";
import { migrateDatabase } from "../migrate";

export type TestDatabase = DbHandle & { url?: string; dir?: string; dispose(): Promise<void> };

export const testEngine = (): "pglite" | "postgres" =>
  process.env.TEST_ENGINE === "postgres" ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: a temporary PGlite directory, or a new database
 * on the PostgreSQL server of TEST_DATABASE_URL (dropped afterwards).
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let url: string | undefined;
  let dir: string | undefined;
  if (testEngine() === "postgres") {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DATABASE_URL is not set");
    const name = `credit_test_${randomBytes(6).toString("hex")}`;
    const admin = await openDatabase({ databaseUrl: base, pgliteDir: "", poolSize: 1 });
    await admin.exec(`CREATE DATABASE ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = await openDatabase({ databaseUrl: url, pgliteDir: "", poolSize: 4 });
    cleanup = async () => {
      await handle.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    };
  } else {
    const parent = mkdtempSync(join(tmpdir(), "credit-test-"));
    dir = join(parent, "pglite");
    handle = await openDatabase({ pgliteDir: dir });
    cleanup = async () => {
      await handle.close();
      rmSync(parent, { recursive: true, force: true });
    };
  }
  if (opts.migrate !== false) await migrateDatabase(handle);
  return { ...handle, url, dir, dispose: cleanup };
}

import { afterAll, beforeAll } from "vitest";
import { serveQueriesFrom } from "./actor";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * A fresh database for one test file, served as the process's own handle (server/db.ts) to everything that opens
 * it, and disposed of after the file. Call at the top of the file; the answer reads the database once it is ready.
 */
export function servedTestDatabase(): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    serveQueriesFrom(db);
  });
  afterAll(async () => {
    serveQueriesFrom(null);
    await db?.dispose();
  });
  return () => {
    if (!db) throw new Error("the test database is not ready: read it inside a test or a hook");
    return db;
  };
}

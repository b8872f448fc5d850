import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";

// issue 24 §1: a search must not start parallel workers: with two cores they starve the other requests
describe.runIf(process.env.TEST_ENGINE === "postgres" && process.env.TEST_DATABASE_URL)(
  "the app's PostgreSQL session",
  () => {
    it("plans without parallel workers", async () => {
      const db = await openDatabase({
        databaseUrl: process.env.TEST_DATABASE_URL,
        pgliteDir: "",
        poolSize: 1,
      });
      try {
        const [row] = await db.exec("SHOW max_parallel_workers_per_gather");
        expect(row?.max_parallel_workers_per_gather).toBe("0");
      } finally {
        await db.close();
      }
    });
  },
);

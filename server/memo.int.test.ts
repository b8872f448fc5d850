import { describe, expect, it } from "vitest";
import { type DbHandle, openDatabase } from "@/db/client";
import { servedTestDatabase } from "@/db/testing/served";
import { testEngine } from "@/db/testing/test-database";
import { DEFAULT_POLICY } from "@/lib/policy";
import { getPolicy } from "./settings";

const database = servedTestDatabase();

describe("cached settings across app nodes (issue 24 §2)", () => {
  // the embedded database has one process by construction: nothing there to tell
  it.skipIf(testEngine() !== "postgres")(
    "a setting changed through another node is read at once here, not after the cache's 30 s",
    async () => {
      expect((await getPolicy()).apiRateLimitPerMinute).toBe(DEFAULT_POLICY.apiRateLimitPerMinute);
      const other: DbHandle = await openDatabase({ databaseUrl: database().url, pgliteDir: "", poolSize: 1 });
      try {
        await other.exec(
          `INSERT INTO settings (key, value) VALUES ('apiRateLimitPerMinute', '123'::jsonb)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        );
        const started = Date.now();
        let seen = (await getPolicy()).apiRateLimitPerMinute;
        while (seen !== 123 && Date.now() - started < 5_000) {
          await new Promise((r) => setTimeout(r, 50));
          seen = (await getPolicy()).apiRateLimitPerMinute;
        }
        expect(seen).toBe(123);
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await other.close();
      }
    },
  );
});

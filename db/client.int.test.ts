import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type DbHandle, openDatabase } from "./client";

/** One connection, so that session settings and prepared statements are that connection's. */
const oneConnection = () =>
  openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, pgliteDir: "", poolSize: 1 });

// issue 24 §1: a search must not start parallel workers: with two cores they starve the other requests
describe.runIf(process.env.TEST_ENGINE === "postgres" && process.env.TEST_DATABASE_URL)(
  "the app's PostgreSQL session",
  () => {
    it("plans without parallel workers, and each prepared statement for its own values", async () => {
      const db = await oneConnection();
      try {
        const [row] = await db.exec("SHOW max_parallel_workers_per_gather");
        expect(row?.max_parallel_workers_per_gather).toBe("0");
        const [plans] = await db.exec("SHOW plan_cache_mode");
        expect(plans?.plan_cache_mode).toBe("force_custom_plan");
        const [jit] = await db.exec("SHOW jit");
        expect(jit?.jit).toBe("off");
      } finally {
        await db.close();
      }
    });

    // issue 24 §1: the subject profile took 1.5 ms to plan and 0.3 ms to run; its plan is the same for every code
    it("plans a keyed lookup once and keeps its plan; every other statement for its own values", async () => {
      const db = await oneConnection();
      try {
        const [mode] = await db.execKeyed("SHOW plan_cache_mode");
        expect(mode?.plan_cache_mode).toBe("force_generic_plan");
        for (let i = 0; i < 3; i++) {
          await db.execKeyed("SELECT $1::int + 43 AS keyed_probe", [i]);
          await db.exec("SELECT $1::int + 44 AS custom_probe", [i]);
        }
        const plans = async (run: DbHandle["exec"], probe: string) => {
          const [r] = await run(
            "SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement = $1",
            [`SELECT $1::int + ${probe}`],
          );
          return r;
        };
        expect(await plans(db.execKeyed, "43 AS keyed_probe")).toEqual({ generic: 3, custom: 0 });
        expect(await plans(db.exec, "44 AS custom_probe")).toEqual({ generic: 0, custom: 3 });
      } finally {
        await db.close();
      }
    });

    // issue 24 §1: drizzle asks postgres.js not to prepare, which costs every query a second round trip
    it("keeps each parameterised statement prepared on its connection: drizzle, exec and transactions", async () => {
      const db = await oneConnection();
      try {
        for (let i = 0; i < 3; i++) {
          await db.db.execute(sql`SELECT ${i}::int + 40 AS drizzle_probe`);
          await db.exec("SELECT $1::int + 41 AS exec_probe", [i]);
          await db.db.transaction((tx) => tx.execute(sql`SELECT ${i}::int + 42 AS transaction_probe`));
          // a statement whose text grows with its values is not kept
          const many = Array.from({ length: 65 + i }, (_, k) => k);
          await db.exec(`SELECT ${many.map((k) => `$${k + 1}::int`).join(" + ")} AS long_probe`, many);
        }
        const rows = await db.exec(
          "SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%_probe%'",
        );
        const texts = rows.map((r) => String(r.statement)).sort();
        expect(texts).toEqual([
          "SELECT $1::int + 40 AS drizzle_probe",
          "SELECT $1::int + 41 AS exec_probe",
          "SELECT $1::int + 42 AS transaction_probe",
        ]);
      } finally {
        await db.close();
      }
    });
  },
);

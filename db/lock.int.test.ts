import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { DatabaseLockedError } from "./lock";
import { testEngine } from "./testing/test-database";

const parent = mkdtempSync(join(tmpdir(), "credit-lock-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Another process running a script against the same directory, as `npm run seed` would while a server runs. */
function secondProcess(dir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
    env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

// The lock guards the embedded engine only; PostgreSQL has its own concurrency control.
describe.skipIf(testEngine() === "postgres")("embedded database directory lock", () => {
  it("refuses a second process while the first holds the directory, naming the holder", async () => {
    const dir = join(parent, "held");
    const first = await openDatabase({ pgliteDir: dir });
    await first.exec("CREATE TABLE kept (v int)");
    await first.exec("INSERT INTO kept VALUES (1)");
    try {
      const second = secondProcess(dir);
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`进程号 ${process.pid}`);
      expect(second.stderr).toContain("PGLITE_DIR");
      expect(second.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      // the holder's writes are intact
      await first.exec("INSERT INTO kept VALUES (2)");
    } finally {
      await first.close();
    }
    const reopened = await openDatabase({ pgliteDir: dir });
    const rows = await reopened.exec("SELECT count(*)::int AS n FROM kept");
    expect(rows[0]?.n).toBe(2);
    await reopened.close();
  });

  it("refuses a second open of the same directory within one process", async () => {
    const dir = join(parent, "same");
    const first = await openDatabase({ pgliteDir: dir });
    try {
      await expect(openDatabase({ pgliteDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
    } finally {
      await first.close();
    }
  });

  it("honours a lock of another live process, and one held on another host", async () => {
    const dir = join(parent, "foreign");
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 1, host: hostname(), command: "init", since: "x" }));
    await expect(openDatabase({ pgliteDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
    writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: 999_999, host: "another-host", command: "x", since: "x" }),
    );
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(/主机 another-host/);
  });

  it("lets exactly one of several processes starting at once take a stale lock", async () => {
    const dir = join(parent, "race");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: dead, host: hostname(), command: "killed", since: "x" }),
    );
    const holders = Array.from({ length: 4 }, () =>
      spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          "-e",
          `
        import { acquireDirectoryLock } from "./db/lock.ts";
        try { acquireDirectoryLock(${JSON.stringify(dir)}); console.log("got"); setTimeout(() => {}, 1500); }
        catch { console.log("refused"); }`,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      ),
    );
    const outcomes = await Promise.all(
      holders.map(
        (c) =>
          new Promise<string>((resolve) => {
            let out = "";
            c.stdout.on("data", (d) => {
              out += d;
            });
            c.on("exit", () => resolve(out.trim()));
          }),
      ),
    );
    expect(outcomes.filter((o) => o === "got")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(3);
  });

  it("takes over a stale lock left by a process that died", async () => {
    const dir = join(parent, "stale");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: dead, host: hostname(), command: "killed", since: "2026-01-01" }),
    );
    const db = await openDatabase({ pgliteDir: dir });
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    await db.close();
    expect(() => readFileSync(`${dir}.lock`)).toThrow(); // released on close
  });
});

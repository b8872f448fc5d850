import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { describe, expect, it, vi } from "vitest";
import { servedTestDatabase } from "@/db/testing/served";
import { testEngine } from "@/db/testing/test-database";

const database = servedTestDatabase();

/** A fresh copy of server/pow with its own module state: what another app node holds. */
async function node() {
  vi.resetModules();
  return import("./pow");
}

describe("the public forms' proof-of-work across app nodes (issue 24 §2)", () => {
  it("a challenge from one node is accepted by another, and spent once for all", async () => {
    const a = await node();
    const challenge = await a.createPowChallenge();
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution).not.toBeNull();
    const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
    const b = await node();
    expect(await b.powProblem(payload)).toBeNull();
    expect(await a.powProblem(payload)).toMatch(/已使用过/);
    const [row] = await database().exec("SELECT count(*)::int AS n FROM pow_spent");
    expect(row?.n).toBe(1);
  }, 30_000);

  // two processes on one database: PostgreSQL only (the embedded database has one process by construction)
  it.skipIf(testEngine() !== "postgres")(
    "a solution to a challenge from this process is accepted by another process on the same database, once",
    async () => {
      const a = await node();
      const challenge = await a.createPowChallenge();
      const solution = await solveChallenge({ challenge, deriveKey });
      const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
      const check = `const { powProblem } = await import("./server/pow.ts");
        const a = await powProblem(process.env.PAYLOAD); const b = await powProblem(process.env.PAYLOAD);
        console.log(JSON.stringify([a, b])); process.exit(0);`;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--conditions", "react-server", "--import", "tsx", "--input-type=module", "-e", check],
        { env: { ...process.env, DATABASE_URL: database().url, PAYLOAD: payload }, timeout: 60_000 },
      );
      const [first, second] = JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as (string | null)[];
      expect(first).toBeNull();
      expect(second).toMatch(/已使用过/);
      expect(await a.powProblem(payload)).toMatch(/已使用过/);
    },
    90_000,
  );

  it("a forged or missing solution is refused with a Chinese reason", async () => {
    const a = await node();
    expect(await a.powProblem(undefined)).toMatch(/尚未完成/);
    expect(await a.powProblem("not-base64-json")).toMatch(/无效/);
  });
});

import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { logAudit, verifyAuditChain } from "./audit";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  for (let i = 1; i <= 5; i++) {
    await db.db.transaction(async (tx) => {
      await logAudit(tx, {
        action: "record.update",
        actorId: 7,
        actorName: "录入员 王晓明",
        entityType: "penalty",
        entityId: String(100 + i),
        before: { fine: i, decidedOn: new Date("2026-01-02T03:04:05.678Z"), nested: { b: 1, a: [1, "二"] } },
        after: { fine: i + 1 },
        ip: "127.0.0.1",
        userAgent: "vitest",
      });
    });
  }
});
afterAll(() => db.dispose());

describe("audit log hash chain (DOMAIN §11)", () => {
  it("is intact after appends, and a rolled-back change leaves no audit row", async () => {
    await expect(
      db.db.transaction(async (tx) => {
        await logAudit(tx, { action: "record.withdraw", entityType: "penalty", entityId: "999" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [n] = await db.exec("SELECT count(*)::int AS n FROM audit_log");
    expect(n?.n).toBe(5);
    expect(await verifyAuditChain(db.exec)).toEqual({ intact: true, rows: 5 });
  });

  it("names the first row edited directly in the database, in the function and in `npm run audit:verify`", async () => {
    // only the database owner can do this, and only by switching the append-only trigger off
    await db.exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
    await db.exec(`UPDATE audit_log SET after = '{"fine": 1000}' WHERE id = 3`);
    await db.exec("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
    const v = await verifyAuditChain(db.exec);
    expect(v).toMatchObject({ intact: false, brokenId: 3 });

    // the command line opens the database itself: the embedded directory must be released first
    if (db.dir) await db.close();
    const cli = spawnSync(
      process.execPath,
      ["--conditions", "react-server", "--import", "tsx", "scripts/audit-verify.ts"],
      {
        env: { ...process.env, DATABASE_URL: db.url ?? "", PGLITE_DIR: db.dir ?? "" },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("id=3");
    expect(cli.stderr).toContain("内容与哈希不符");
  });
});

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { chainInput, GENESIS_HASH } from "@/lib/access/audit-chain";
import {
  chainDigest,
  logAudit,
  readChainRows,
  verifyAudit,
  verifyAuditChain,
  writeAuditCheckpoint,
} from "./audit";

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

/**
 * Issue 9 §3: what someone with superuser access to the database (and not to the server's files) can do, each
 * on a database of its own. The chain is keyed (AUDIT_KEY) and its head is checkpointed to a file outside.
 */
describe("tampering by a database superuser is reported, in the function and with a non-zero exit", () => {
  const plainSha = (s: string) => createHash("sha256").update(s).digest("hex");

  async function scenario(tamper: (t: TestDatabase) => Promise<void>) {
    const t = await createTestDatabase();
    const file = join(mkdtempSync(join(tmpdir(), "credit-checkpoints-")), "audit.checkpoints");
    const append = async (n: number) => {
      for (let i = 0; i < n; i++)
        await t.db.transaction((tx) =>
          logAudit(tx, {
            action: "record.update",
            actorName: "录入员",
            entityType: "penalty",
            entityId: String(i),
          }),
        );
    };
    await append(6);
    expect(await writeAuditCheckpoint(t.exec, file)).toMatchObject({ lastId: 6, rows: 6 });
    await append(2);
    expect(await verifyAudit(t.exec, file)).toMatchObject({ intact: true, rows: 8, checkpoints: 1 });
    await t.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await tamper(t);
    await t.exec("ALTER TABLE audit_log ENABLE TRIGGER USER");
    const verdict = await verifyAudit(t.exec, file);

    if (t.dir) await t.close();
    const cli = spawnSync(
      process.execPath,
      ["--conditions", "react-server", "--import", "tsx", "scripts/audit-verify.ts"],
      {
        env: {
          ...process.env,
          DATABASE_URL: t.url ?? "",
          PGLITE_DIR: t.dir ?? "",
          AUDIT_CHECKPOINT_FILE: file,
        },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    await t.dispose();
    return { verdict, cli };
  }

  /** Rewrites prev_hash/hash of every row in id order with `digest`: a recomputed chain. */
  async function recompute(t: TestDatabase, digest: (s: string) => string) {
    let prev = GENESIS_HASH;
    for (const r of await readChainRows(t.exec, 0)) {
      const { id, prevHash: _p, hash: _h, ...fields } = r;
      const hash = digest(chainInput(prev, fields));
      await t.exec("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3", [prev, hash, id]);
      prev = hash;
    }
  }

  it("an edited row, with the chain recomputed without the key, breaks the keyed hash", async () => {
    const { verdict, cli } = await scenario(async (t) => {
      await t.exec(`UPDATE audit_log SET actor_name = '他人' WHERE id = 3`);
      await recompute(t, plainSha);
    });
    expect(verdict).toMatchObject({ intact: false, brokenId: 1, reason: "内容与哈希不符（行被改动）" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("内容与哈希不符");
  });

  it("an edited row, with the chain recomputed even with the key, contradicts the checkpoint", async () => {
    const { verdict, cli } = await scenario(async (t) => {
      await t.exec(`UPDATE audit_log SET actor_name = '他人' WHERE id = 3`);
      await recompute(t, (s) => chainDigest(s));
    });
    expect(verdict).toMatchObject({ intact: false, brokenId: 6 });
    expect(verdict.intact ? "" : verdict.reason).toContain("哈希链被重算");
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("id=6");
  });

  it("a row deleted from the middle, with the chain recomputed, is missing from the checkpoint's count", async () => {
    const { verdict, cli } = await scenario(async (t) => {
      await t.exec("DELETE FROM audit_log WHERE id = 4");
      await recompute(t, (s) => chainDigest(s));
    });
    expect(verdict.intact).toBe(false);
    expect(verdict).toMatchObject({ brokenId: 6 });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/id=6 .*(哈希链被重算|行被删除)/);
  });

  it("the newest rows cut off the tail (no recompute needed) are missing at the checkpoint", async () => {
    const { verdict, cli } = await scenario(async (t) => {
      await t.exec("DELETE FROM audit_log WHERE id >= 5");
    });
    expect(verdict).toMatchObject({ intact: false, brokenId: 6 });
    expect(verdict.intact ? "" : verdict.reason).toContain("日志末尾被截断");
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("日志末尾被截断");
  });

  it("an edited checkpoint file is itself reported", async () => {
    const t = await createTestDatabase();
    const file = join(mkdtempSync(join(tmpdir(), "credit-checkpoints-")), "audit.checkpoints");
    await t.db.transaction((tx) => logAudit(tx, { action: "record.update" }));
    await writeAuditCheckpoint(t.exec, file);
    writeFileSync(file, readFileSync(file, "utf8").replace(/"rows":1/, '"rows":0'));
    expect(await verifyAudit(t.exec, file)).toMatchObject({
      intact: false,
      reason: "检查点文件第 1 行被改动",
    });
    await t.dispose();
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testEngine } from "../db/testing/test-database";

const work = mkdtempSync(join(tmpdir(), "credit-config-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function migrate(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: join(work, "ok"), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

// These run the command-line entry point once; the engine under test does not change them.
describe.skipIf(testEngine() === "postgres")(
  "bad configuration gets a clear message, not a stack trace",
  () => {
    it("an unreachable DATABASE_URL", () => {
      const r = migrate({ DATABASE_URL: "postgres://postgres:secret@127.0.0.1:1/nowhere" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("无法连接数据库");
      expect(r.stderr).toContain("连接被拒绝");
      expect(r.stderr).not.toContain("secret"); // the password is never printed
      noStack(r.stderr);
    });

    it("replicas without a PostgreSQL primary, or not PostgreSQL addresses (issue 24 §3)", () => {
      const alone = migrate({ DATABASE_REPLICA_URLS: "postgres://postgres@127.0.0.1:5433/postgres" });
      expect(alone.status).toBe(2);
      expect(alone.stderr).toContain("只读副本只能配合 PostgreSQL 主库使用");
      const odd = migrate({
        DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere",
        DATABASE_REPLICA_URLS: "postgres://a@127.0.0.1:5433/x, mysql://b@host/y",
      });
      expect(odd.status).toBe(2);
      expect(odd.stderr).toContain("DATABASE_REPLICA_URLS: 应为以逗号分隔的 postgres:// 连接地址");
      noStack(odd.stderr);
    });

    it("several server processes on the embedded database, or a count that is not one (issue 24 §2)", () => {
      const shared = migrate({ WEB_CONCURRENCY: "2" });
      expect(shared.status).toBe(2);
      expect(shared.stderr).toContain("嵌入式数据库只能由一个进程打开");
      noStack(shared.stderr);
      const odd = migrate({ WEB_CONCURRENCY: "0" });
      expect(odd.status).toBe(2);
      expect(odd.stderr).toContain("WEB_CONCURRENCY: 应为 1 到 64 的整数");
      expect(migrate({ WEB_CONCURRENCY: "1" }).status).toBe(0);
    });

    it("a production server without AUTH_SECRET refuses to start (sign-ins would all fail)", () => {
      const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", "1"], {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: join(work, "ok"), AUTH_SECRET: "" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("AUTH_SECRET: 生产环境必须设置");
      noStack(r.stderr);
    });

    it("a DATABASE_URL that is not a PostgreSQL address", () => {
      const r = migrate({ DATABASE_URL: "mysql://root@localhost/x" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("DATABASE_URL");
      expect(r.stderr).toContain("postgres://");
      noStack(r.stderr);
    });

    it("a data directory that is not writable", () => {
      const file = join(work, "a-file");
      writeFileSync(file, "not a directory");
      const r = migrate({ PGLITE_DIR: join(file, "pglite") });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("不可写");
      expect(r.stderr).toContain("PGLITE_DIR");
      noStack(r.stderr);
    });

    it("and a good configuration migrates", () => {
      const r = migrate({});
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("数据库已迁移到最新版本");
    });
  },
);

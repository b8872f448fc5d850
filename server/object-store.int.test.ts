import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { penaltyCsv } from "@/db/testing/import-csv";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { SENDFILE } from "@/lib/web/sendfile";
import { logAudit, verifyAudit, writeAuditCheckpoint } from "./audit";
import { checkCaseFiles, readCaseFile, storeCaseFiles, sweepCaseFiles, withCaseFiles } from "./case-files";
import { AppError } from "./errors";
import { serveFile } from "./http/open-data";
import { caseFileStore, importFileStore, openDataStore, STORAGE_DOWN } from "./object-store";
import { runImport } from "./services/imports/run-import";
import { publishOpenData } from "./services/open-data/publish";

// a real S3 protocol server on this machine (s3rver), and a local directory the app must not write to
const parent = mkdtempSync(join(tmpdir(), "credit-s3-"));
const localDir = join(parent, "case-files");
let s3: S3rver;
let db: TestDatabase;
// the smallest valid PNG: file-type recognises it by its magic number
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f2cf2a0000000049454e44ae426082",
  "hex",
);
const png = (name: string) => new File([PNG], name, { type: "image/png" });

beforeAll(async () => {
  s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: join(parent, "s3"),
    configureBuckets: [{ name: "credit-files", configs: [] }],
  });
  const { port } = (await s3.run()) as unknown as { port: number };
  Object.assign(process.env, {
    CASE_FILES_DIR: localDir,
    OPEN_DATA_DIR: join(parent, "open-data-b"),
    S3_URL: `http://127.0.0.1:${port}`,
    S3_BUCKET: "credit-files",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await insertProvinceDepartment(db);
  await db.exec(
    `INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (1, 'operator', '录入员', 'x', 1, '360000')`,
  );
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
  await s3.close().catch(() => {});
  rmSync(parent, { recursive: true, force: true });
});

describe("case files in S3-compatible object storage (issue 24 §2)", () => {
  it("a stored file is read back from the bucket, not from this machine's disk, and swept when nothing refers to it", async () => {
    expect(caseFileStore().location).toContain("/credit-files/case-files");
    const [stored] = await storeCaseFiles([png("整改照片.png")]);
    expect(stored?.mimeType).toBe("image/png");
    expect(await readCaseFile(String(stored?.storagePath))).toEqual(PNG);
    expect(readdirSync(parent)).not.toContain("case-files");
    const keys: string[] = [];
    for await (const o of caseFileStore().list()) keys.push(o.key);
    expect(keys).toEqual([stored?.storagePath]);
    // a day later nothing refers to it: the sweep removes it from the bucket
    expect(await sweepCaseFiles(db.db, caseFileStore(), Date.now() + 2 * 86_400_000)).toEqual([
      stored?.storagePath,
    ]);
    await expect(readCaseFile(String(stored?.storagePath))).rejects.toMatchObject({ code: "not_found" });
  });

  it("an import whose node died is run by another node from the shared copy, which goes when the job ends", async () => {
    const { csv } = penaltyCsv(3, { prefix: "甲" });
    const [job] = await db.exec(
      `INSERT INTO import_jobs (department_id, user_id, kind, mode, file_name, file_size, format, encoding, state)
       VALUES (1, 1, 'penalty', 'keep_good', 'penalties.csv', $1, 'csv', 'utf-8', 'queued') RETURNING id`,
      [Buffer.byteLength(csv)],
    );
    const store = importFileStore();
    if (!store) throw new Error("S3_URL is set: the import store is the bucket");
    // node A received the upload and kept the shared copy; node B has nothing on its own disk
    await store.put(`${job?.id}.csv`, Buffer.from(csv));
    const nodeB = join(parent, "imports-b");
    const done = await runImport(db.db, Number(job?.id), {
      importDir: nodeB,
      store,
      today: "2026-11-23",
      thresholdWan: 1,
      maxRows: 1000,
    });
    expect(done.state).toBe("done");
    expect(done.newCount).toBe(3);
    const left: string[] = [];
    for await (const o of store.list()) left.push(o.key);
    expect(left).toEqual([]);
    expect(readdirSync(nodeB)).toEqual([]);
  });

  it("audit checkpoints are written to the bucket, where another node and the auditor read them", async () => {
    for (let i = 0; i < 3; i++)
      await db.db.transaction((tx) =>
        logAudit(tx, {
          action: "record.update",
          actorName: "录入员",
          entityType: "penalty",
          entityId: String(i),
        }),
      );
    const [logged] = await db.exec("SELECT count(*)::int AS n FROM audit_log");
    const rows = Number(logged?.n);
    expect(rows).toBeGreaterThanOrEqual(3);
    const written = await writeAuditCheckpoint(db.exec);
    expect(written).toMatchObject({ rows });
    // nothing on this machine's disk: the default checkpoint file was never made
    expect(readdirSync(parent).some((n) => n.includes("checkpoint"))).toBe(false);
    const verdict = await verifyAudit(db.exec);
    expect(verdict).toMatchObject({ intact: true, rows, checkpoints: 1, latest: written });
    // the same head again writes nothing new
    expect(await writeAuditCheckpoint(db.exec)).toBeNull();
  });

  it("open-data files built on one node are served by another from the shared copy (fetched once)", async () => {
    const nodeA = join(parent, "open-data-a");
    const built = await publishOpenData(db.db, {
      dir: nodeA,
      today: "2026-11-23",
      reason: "manual",
      retain: 14,
    });
    expect(built?.generation).toBeGreaterThan(0);
    const keys: string[] = [];
    for await (const o of openDataStore()?.list() ?? []) keys.push(o.key);
    expect(keys).toContain(`${built?.generation}/penalties.csv`);
    expect(keys).toContain(`${built?.generation}/penalties.csv.gz`);
    const original = readFileSync(join(nodeA, String(built?.generation), "penalties.csv"));
    // node B (OPEN_DATA_DIR) has never seen these files; node A's directory, on this same machine, is not its own
    const res = await serveFile(new Request("http://node-b/open-data/penalties.csv"), "penalties", "csv");
    expect(res.status).toBe(200);
    const sent = String(res.headers.get(SENDFILE.path));
    expect(sent.startsWith(join(parent, "open-data-b"))).toBe(true);
    expect(readFileSync(sent)).toEqual(original);
  });

  it("with the store down, the use case answers 503 in Chinese and writes neither its row nor a file", async () => {
    const checked = await checkCaseFiles([png("缴款凭证.png")]);
    await s3.close();
    const attempt = withCaseFiles(checked, (store) =>
      db.db.transaction(async (tx) => {
        await tx.execute(
          "INSERT INTO news_items (category, title, body_html, created_by, updated_by) VALUES ('work', '半写的稿件', '<p>正文</p>', 1, 1)" as never,
        );
        await store();
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "unavailable", message: STORAGE_DOWN });
    const [row] = await db.exec("SELECT count(*)::int AS n FROM news_items WHERE title = '半写的稿件'");
    expect(row?.n).toBe(0);
    expect(readdirSync(parent)).not.toContain("case-files");
  }, 30_000);
});

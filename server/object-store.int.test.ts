import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { checkCaseFiles, readCaseFile, storeCaseFiles, sweepCaseFiles, withCaseFiles } from "./case-files";
import { AppError } from "./errors";
import { caseFileStore, STORAGE_DOWN } from "./object-store";

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
    S3_URL: `http://127.0.0.1:${port}`,
    S3_BUCKET: "credit-files",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  db = await createTestDatabase();
  serveQueriesFrom(db);
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

  it("with the store down, the use case answers 503 in Chinese and writes neither its row nor a file", async () => {
    const checked = await checkCaseFiles([png("缴款凭证.png")]);
    await s3.close();
    const attempt = withCaseFiles(checked, (store) =>
      db.db.transaction(async (tx) => {
        await tx.execute(
          "INSERT INTO users (username, display_name, password_hash) VALUES ('half-written', '半写', 'x')" as never,
        );
        await store();
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "unavailable", message: STORAGE_DOWN });
    const [row] = await db.exec("SELECT count(*)::int AS n FROM users WHERE username = 'half-written'");
    expect(row?.n).toBe(0);
    expect(readdirSync(parent)).not.toContain("case-files");
  }, 30_000);
});

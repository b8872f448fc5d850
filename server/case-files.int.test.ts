import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { sweepCaseFiles } from "./case-files";
import { directoryStore } from "./object-store";

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "credit-case-files-"));
const name = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}.bin`;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash) VALUES (1, 'editor', '编辑', 'x')",
  );
  await db.exec(
    "INSERT INTO news_items (id, category, title, body_html, created_by, updated_by) VALUES (1, 'work', '稿件', '<p>正文</p>', 1, 1)",
  );
  await db.exec(
    `INSERT INTO news_attachments (news_id, file_name, size_bytes, sha256, storage_path)
     VALUES (1, '通知.pdf', 1, $1, $2)`,
    ["0".repeat(64), name(1)],
  );
});
afterAll(async () => {
  await db.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("the case-files directory's start-up sweep (issue 20 N16)", () => {
  it("removes day-old stored files nothing refers to, and keeps referenced, recent and foreign files", async () => {
    const old = (Date.now() - 2 * 86_400_000) / 1000;
    for (const [file, aged] of [
      [name(1), true],
      [name(2), true],
      [name(3), false],
      ["notes.txt", true],
    ] as const) {
      writeFileSync(join(dir, file), "x");
      if (aged) utimesSync(join(dir, file), old, old);
    }
    expect(await sweepCaseFiles(db.db, directoryStore(dir))).toEqual([name(2)]);
    for (const kept of [name(1), name(3), "notes.txt"]) expect(existsSync(join(dir, kept))).toBe(true);
    expect(existsSync(join(dir, name(2)))).toBe(false);
  });
});

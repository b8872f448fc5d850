import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inArray } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Db } from "@/db/client";
import { caseFiles, newsAttachments } from "@/db/schema";
import { CASE_FILE_MAX_COUNT, caseFileProblem } from "@/lib/records/case-file";
import { config } from "./config";
import { AppError } from "./errors";

export type StoredCaseFile = {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storagePath: string;
};

/**
 * Checks every uploaded file first — type from content by `file-type`, which reads magic numbers and is kept up
 * to date for this — and only then writes them, under random names outside public/ (issue 11 §4). One bad file
 * refuses them all, with its name. The caller deletes what was written if its transaction fails.
 */
export async function storeCaseFiles(files: readonly File[]): Promise<StoredCaseFile[]> {
  // an empty file input arrives as an empty entry, named "" or, through React's action encoding, "undefined"
  const real = files.filter((f) => f.size > 0 || (f.name !== "" && f.name !== "undefined"));
  if (real.length > CASE_FILE_MAX_COUNT)
    throw new AppError("invalid", `最多上传 ${CASE_FILE_MAX_COUNT} 个文件。`);
  const checked: { file: File; bytes: Buffer; mime: string }[] = [];
  for (const file of real) {
    const bytes = file.size > 0 ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const sniffed = bytes.length > 0 ? ((await fileTypeFromBuffer(bytes))?.mime ?? null) : null;
    const problem = caseFileProblem({ name: file.name, size: bytes.length, sniffed });
    if (problem) throw new AppError("invalid", problem);
    checked.push({ file, bytes, mime: sniffed as string });
  }
  const dir = config().caseFilesDir;
  await mkdir(dir, { recursive: true });
  const stored: StoredCaseFile[] = [];
  try {
    for (const c of checked) {
      const storagePath = `${randomUUID()}.bin`;
      await writeFile(join(/*turbopackIgnore: true*/ dir, storagePath), c.bytes, { flag: "wx" });
      stored.push({
        fileName: c.file.name,
        mimeType: c.mime,
        sizeBytes: c.bytes.length,
        sha256: createHash("sha256").update(c.bytes).digest("hex"),
        storagePath,
      });
    }
  } catch (err) {
    await discardCaseFiles(stored);
    throw err;
  }
  return stored;
}

export async function discardCaseFiles(files: readonly { storagePath: string }[]): Promise<void> {
  const dir = config().caseFilesDir;
  await Promise.all(
    files.map((f) => rm(join(/*turbopackIgnore: true*/ dir, f.storagePath), { force: true })),
  );
}

export function readCaseFile(storagePath: string): Promise<Buffer> {
  if (!/^[0-9a-f-]{36}\.bin$/.test(storagePath)) throw new AppError("not_found", "文件不存在。");
  return readFile(join(/*turbopackIgnore: true*/ config().caseFilesDir, storagePath));
}

/**
 * Runs the use case that records stored files: they stay only when it wrote a new case. A refusal, a failure or
 * a second submission of the same form (which finds the first case) deletes them again: nothing half-written.
 */
export async function keepingFilesOnlyIfNew<T extends { duplicate: boolean }>(
  files: readonly { storagePath: string }[],
  write: () => Promise<T>,
): Promise<T> {
  try {
    const out = await write();
    if (out.duplicate) await discardCaseFiles(files);
    return out;
  } catch (err) {
    await discardCaseFiles(files);
    throw err;
  }
}

const STORED_NAME = /^[0-9a-f-]{36}\.bin$/;
const DAY_MS = 86_400_000;

/**
 * At start-up, like the import directory's sweep (issue 20 N16): stored files older than a day that no case and no
 * news item refers to — written by a request whose transaction then failed in a process that died before it could
 * delete them. Returns the names removed.
 */
export async function sweepCaseFiles(
  db: Db,
  dir = config().caseFilesDir,
  now = Date.now(),
): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => STORED_NAME.test(n));
  } catch {
    return [];
  }
  const old: string[] = [];
  for (const name of names) {
    const info = await stat(join(/*turbopackIgnore: true*/ dir, name)).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs >= DAY_MS) old.push(name);
  }
  const removed: string[] = [];
  for (let i = 0; i < old.length; i += 1000) {
    const batch = old.slice(i, i + 1000);
    const [cases, news] = await Promise.all([
      db.select({ p: caseFiles.storagePath }).from(caseFiles).where(inArray(caseFiles.storagePath, batch)),
      db
        .select({ p: newsAttachments.storagePath })
        .from(newsAttachments)
        .where(inArray(newsAttachments.storagePath, batch)),
    ]);
    const kept = new Set([...cases, ...news].map((r) => r.p));
    for (const name of batch.filter((n) => !kept.has(n))) {
      await rm(join(/*turbopackIgnore: true*/ dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Db } from "@/db/client";
import { caseFiles, newsAttachments } from "@/db/schema";
import { CASE_FILE_MAX_COUNT, caseFileProblem } from "@/lib/records/case-file";
import { AppError } from "./errors";
import { caseFileStore, type ObjectStore } from "./object-store";

export type StoredCaseFile = {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storagePath: string;
};

/** An uploaded file whose content has been checked, held in memory until its use case decides to keep it. */
export type CheckedCaseFile = Omit<StoredCaseFile, "storagePath"> & { bytes: Buffer };

/**
 * Checks every uploaded file — type from content by `file-type`, which reads magic numbers and is kept up to date
 * for this — and writes none (issue 11 §4). One bad file refuses them all, with its name.
 */
export async function checkCaseFiles(files: readonly File[]): Promise<CheckedCaseFile[]> {
  // an empty file input arrives as an empty entry, named "" or, through React's action encoding, "undefined"
  const real = files.filter((f) => f.size > 0 || (f.name !== "" && f.name !== "undefined"));
  if (real.length > CASE_FILE_MAX_COUNT)
    throw new AppError("invalid", `最多上传 ${CASE_FILE_MAX_COUNT} 个文件。`);
  const checked: CheckedCaseFile[] = [];
  for (const file of real) {
    const bytes = file.size > 0 ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const sniffed = bytes.length > 0 ? ((await fileTypeFromBuffer(bytes))?.mime ?? null) : null;
    const problem = caseFileProblem({ name: file.name, size: bytes.length, sniffed });
    if (problem) throw new AppError("invalid", problem);
    checked.push({
      fileName: file.name,
      mimeType: sniffed as string,
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes,
    });
  }
  return checked;
}

/** Writes checked files under random names to the case-file store (never public/); all or none. */
async function writeCaseFiles(checked: readonly CheckedCaseFile[]): Promise<StoredCaseFile[]> {
  const store = caseFileStore();
  const stored: StoredCaseFile[] = [];
  try {
    for (const { bytes, ...c } of checked) {
      const storagePath = `${randomUUID()}.bin`;
      await store.put(storagePath, bytes);
      stored.push({ ...c, storagePath });
    }
  } catch (err) {
    await discardCaseFiles(stored);
    throw err;
  }
  return stored;
}

/** Checks and writes at once, for a use case with nothing to decide first (a news item's attachments). */
export async function storeCaseFiles(files: readonly File[]): Promise<StoredCaseFile[]> {
  return writeCaseFiles(await checkCaseFiles(files));
}

/**
 * Files after decisions (issue 21 §8): the use case checks what it must, then calls `store` in the step that writes
 * its case, so a refused or repeated submission writes no file at all; a failure after `store` removes them again.
 */
export async function withCaseFiles<T>(
  checked: readonly CheckedCaseFile[],
  use: (store: () => Promise<StoredCaseFile[]>) => Promise<T>,
): Promise<T> {
  let stored: StoredCaseFile[] = [];
  try {
    return await use(async () => {
      stored = await writeCaseFiles(checked);
      return stored;
    });
  } catch (err) {
    await discardCaseFiles(stored);
    throw err;
  }
}

/** Removes stored files; a store that is down leaves them for the start-up sweep, which finds them unreferenced. */
export async function discardCaseFiles(files: readonly { storagePath: string }[]): Promise<void> {
  const store = caseFileStore();
  await Promise.all(files.map((f) => store.remove(f.storagePath).catch(() => {})));
}

export function readCaseFile(storagePath: string): Promise<Buffer> {
  if (!STORED_NAME.test(storagePath)) throw new AppError("not_found", "文件不存在。");
  return caseFileStore().get(storagePath);
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
  store: ObjectStore = caseFileStore(),
  now = Date.now(),
): Promise<string[]> {
  const old: string[] = [];
  for await (const o of store.list())
    if (STORED_NAME.test(o.key) && now - o.modifiedAt >= DAY_MS) old.push(o.key);
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
      await store.remove(name);
      removed.push(name);
    }
  }
  return removed;
}

import "server-only";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importJobs } from "@/db/schema";
import type { ImportMode } from "@/lib/records/import-file";
import {
  IMPORT_JOB_ACTIVE,
  IMPORT_JOB_INITIAL,
  isImportJobFinished,
  runsExhausted,
} from "@/lib/workflows/import-job";
import { auditBy, logAudit } from "../../audit";
import { today } from "../../clock";
import { config } from "../../config";
import type { ServiceContext } from "../../context";
import { logUnexpected } from "../../errors";
import { ImportFileRefused } from "../../imports/read-rows";
import { directoryStore, importFileStore, type ObjectStore } from "../../object-store";
import { getPolicy } from "../../settings";
import { advance, discardImportFile, type ImportEnv, importFilePath, runImport } from "./run-import";

// jobs this process is running; kept on globalThis like the database handle
const holder = globalThis as unknown as { __imports?: Map<number, Promise<unknown>> };
const running = () => {
  holder.__imports ??= new Map();
  return holder.__imports;
};
const STALE_SECONDS = 30;

/** Where files live, today's date and the disclosure threshold, as the server runs imports. */
export async function importEnv(): Promise<ImportEnv> {
  const { disclosureFineThresholdWan, importMaxRows } = await getPolicy();
  return {
    importDir: config().importDir,
    store: importFileStore(),
    today: today(),
    thresholdWan: disclosureFineThresholdWan,
    maxRows: importMaxRows,
  };
}

export async function createImportJob(
  { db, actor, meta }: ServiceContext,
  f: {
    kind: "penalty" | "licence";
    mode: ImportMode;
    fileName: string;
    size: number;
    format: "csv" | "xlsx";
    encoding: string;
    tempPath: string;
    importDir: string;
  },
): Promise<number> {
  if (actor.departmentId === null) throw new Error("operator without department");
  const departmentId = actor.departmentId;
  await mkdir(f.importDir, { recursive: true });
  let stored: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const [job] = await tx
        .insert(importJobs)
        .values({
          departmentId,
          userId: actor.id,
          kind: f.kind,
          mode: f.mode,
          fileName: f.fileName.slice(0, 256),
          fileSize: f.size,
          format: f.format,
          encoding: f.encoding,
        })
        .returning();
      if (!job) throw new Error("insert returned nothing");
      stored = importFilePath(f.importDir, job);
      await rename(f.tempPath, stored);
      // the shared copy first: a node that takes the job over finds it (an outage refuses the upload)
      await importFileStore()?.put(`${job.id}.${job.format}`, await readFile(stored));
      await auditBy(
        tx,
        { actor, meta },
        {
          action: "import.start",
          entityType: "import",
          entityId: String(job.id),
          after: {
            kind: f.kind,
            mode: f.mode,
            fileName: job.fileName,
            size: f.size,
            format: f.format,
            encoding: f.encoding,
          },
        },
      );
      return job.id;
    });
  } catch (err) {
    // a job that failed to start keeps no file (issue 9 §7)
    await rm(f.tempPath, { force: true });
    if (stored) await rm(stored, { force: true });
    throw err;
  }
}

/**
 * Runs a job in the background of this process, after claiming it in the database: a job another live process
 * is running (heartbeat within 30 s) is left to it.
 */
export async function kickImport(db: Db, jobId: number, env: ImportEnv): Promise<void> {
  if (running().has(jobId)) return;
  const [claimed] = await db
    .update(importJobs)
    .set({ heartbeatAt: new Date(), runs: sql`${importJobs.runs} + 1` })
    .where(
      and(
        eq(importJobs.id, jobId),
        inArray(importJobs.state, [...IMPORT_JOB_ACTIVE]),
        or(
          isNull(importJobs.heartbeatAt),
          lt(importJobs.heartbeatAt, sql`now() - make_interval(secs => ${STALE_SECONDS})`),
          eq(importJobs.state, IMPORT_JOB_INITIAL),
        ),
      ),
    )
    .returning({ id: importJobs.id, runs: importJobs.runs });
  if (!claimed || running().has(jobId)) return;
  const exhausted = runsExhausted(claimed.runs - 1);
  if (exhausted) return failExhausted(db, jobId, exhausted, env);
  const p = runImport(db, jobId, env)
    .catch(async (err) => {
      const id = logUnexpected(`import ${jobId}`, err);
      const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
      if (!job) return;
      if (!isImportJobFinished(job.state))
        await advance(db, job, "fail", {
          message:
            err instanceof ImportFileRefused
              ? `${err.message}（已提交的批次保留）`
              : `导入中断（错误编号 ${id}）。已提交的批次保留，请重新上传以继续。`,
          finishedAt: new Date(),
        }).catch((e) => logUnexpected(`import ${jobId} fail`, e));
      await discardImportFile(env, job);
    })
    .finally(() => running().delete(jobId));
  running().set(jobId, p);
}

/** A job taken up too often: failed with its message and audited, its file deleted. */
async function failExhausted(db: Db, jobId: number, message: string, env: ImportEnv) {
  await db.transaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, jobId)).for("update");
    if (!job || isImportJobFinished(job.state)) return;
    await advance(tx, job, "fail", { message, finishedAt: new Date() });
    await logAudit(tx, {
      action: "import.finish",
      entityType: "import",
      entityId: String(jobId),
      outcome: "failure",
      after: { state: "failed", message, runs: job.runs },
    });
    await discardImportFile(env, job);
  });
}

/** Jobs left unfinished by a stopped server: resumed (from their last committed batch) by whoever looks first. */
export async function resumeStaleImports(db: Db, env: ImportEnv, departmentId?: number): Promise<void> {
  const stale = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        inArray(importJobs.state, [...IMPORT_JOB_ACTIVE]),
        or(
          isNull(importJobs.heartbeatAt),
          lt(importJobs.heartbeatAt, sql`now() - make_interval(secs => ${STALE_SECONDS})`),
        ),
        departmentId === undefined ? undefined : eq(importJobs.departmentId, departmentId),
      ),
    );
  for (const j of stale) await kickImport(db, j.id, env);
}

const DAY_MS = 86_400_000;

/**
 * At start-up: files older than a day that no running job needs — an upload that never became a job, or the
 * file of a job that ended in a process that died before deleting it — here and in the shared store. Returns the
 * names removed.
 */
export async function sweepImportFiles(
  db: Db,
  importDir: string,
  now = Date.now(),
  shared: ObjectStore | null = importFileStore(),
): Promise<string[]> {
  const live = new Set(
    (
      await db
        .select({ id: importJobs.id })
        .from(importJobs)
        .where(inArray(importJobs.state, [...IMPORT_JOB_ACTIVE]))
    ).map((j) => j.id),
  );
  const removed: string[] = [];
  for (const store of [directoryStore(importDir), shared]) {
    if (!store) continue;
    for await (const o of store.list()) {
      const jobId = /^(\d+)\.(csv|xlsx)$/.exec(o.key)?.[1];
      if (jobId && live.has(Number(jobId))) continue;
      if (!jobId && !o.key.startsWith("upload-")) continue;
      if (now - o.modifiedAt < DAY_MS) continue;
      await store.remove(o.key);
      removed.push(o.key);
    }
  }
  return removed;
}

import "server-only";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { type ImportJob, importErrors, importJobs, users } from "@/db/schema";
import { createInFileChecks, missingHeaders, rowLimitProblem } from "@/lib/records/import-file";
import {
  headerOf,
  type LicenceInput,
  type PenaltyInput,
  type RecordInput,
  type RecordSchema,
  recordFile,
  rowToInput,
} from "@/lib/records/record-input";
import { type ImportJobEvent, importJobMachine, isImportJobFinished } from "@/lib/workflows/import-job";
import { SYSTEM, transition } from "@/lib/workflows/machine";
import { logAudit } from "../../audit";
import { config } from "../../config";
import { ImportFileRefused, readRows } from "../../imports/read-rows";
import type { ObjectStore } from "../../object-store";
import { writeRecords } from "../records/write-records";

export const BATCH_SIZE = 1000;
const PROGRESS_EVERY = 5000;
const ERROR_FLUSH_AT = 1000;

const REQUIRED = {
  penalty: ["行政相对人名称", "行政相对人类别", "行政处罚决定书文号", "处罚类别", "处罚决定日期"],
  licence: ["行政相对人名称", "行政相对人类别", "行政许可决定文书号", "许可决定日期"],
} as const;

export type ImportEnv = {
  importDir: string;
  /** the shared copy of each job's file, when app nodes share an object store (issue 24 §2) */
  store?: ObjectStore | null;
  today: string;
  thresholdWan: number;
  /** the row limit (a setting) */
  maxRows: number;
  /** the XLSX reader's heap in MB; unset: IMPORT_READER_HEAP_MB */
  readerHeapMb?: number;
};
export const importFilePath = (dir: string, job: Pick<ImportJob, "id" | "format">) =>
  join(/*turbopackIgnore: true*/ dir, `${job.id}.${job.format}`);

const importFileName = (job: Pick<ImportJob, "id" | "format">) => `${job.id}.${job.format}`;

/**
 * An ended job's file goes at once, here and from the shared store: it holds ID numbers in plain text that the
 * database keeps encrypted. A store that is down leaves its copy to the start-up sweep.
 */
export async function discardImportFile(
  env: Pick<ImportEnv, "importDir" | "store">,
  job: Pick<ImportJob, "id" | "format">,
) {
  await rm(importFilePath(env.importDir, job), { force: true });
  await env.store?.remove(importFileName(job)).catch(() => {});
}

/** A job taken over from another node: its file comes from the shared store into this node's directory. */
async function ensureImportFile(env: ImportEnv, job: ImportJob) {
  const path = importFilePath(env.importDir, job);
  if (!env.store || existsSync(path)) return;
  const bytes = await env.store.get(importFileName(job));
  await mkdir(env.importDir, { recursive: true });
  await writeFile(path, bytes);
}

type RowError = { rowNo: number; column: string; reason: string };
type Valid = { rowNo: number; input: RecordInput };
/** Every data row is yielded (a bad one with `input: null`), so a caller can flush its report between rows. */
type Checked = { rowNo: number; input: RecordInput | null };

/**
 * Parses and validates every row of the file (both passes read the same stream of rows): yields each row,
 * good or bad, and reports each bad one (row, column, reason), including duplicates and name conflicts within
 * the file.
 */
async function* validRows(
  job: ImportJob,
  env: ImportEnv,
  report: (e: RowError) => void,
  fail: (m: string) => void,
) {
  const { headers, schema } = recordFile(job.kind, env.today);
  const inFile = createInFileChecks();
  let header: string[] | null = null;
  const heapMb = env.readerHeapMb ?? config().importReaderHeapMb;
  for await (const row of readRows(importFilePath(env.importDir, job), job.format, job.encoding, heapMb)) {
    if (!header) {
      header = row.values.map((h) => h.trim());
      const missing = missingHeaders(header, REQUIRED[job.kind]);
      if (missing.length) {
        fail(`缺少表头：${missing.join("、")}。请使用页面上提供的模板（第 1 行为表头）。`);
        return;
      }
      continue;
    }
    // the row limit (a setting, issue 20 N2): the file is refused whole, whatever it goes on to hold
    const tooMany = rowLimitProblem(row.rowNo - 1, env.maxRows);
    if (tooMany) {
      fail(tooMany);
      return;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = row.values[i] ?? "";
    });
    let bad = false;
    for (const i of row.formulas) {
      report({
        rowNo: row.rowNo,
        column: header[i] ?? `第 ${i + 1} 列`,
        reason: "单元格是公式，请复制后“粘贴为数值”再导入",
      });
      bad = true;
    }
    const checked = checkRow(schema, headers, rowToInput(headers, cells), inFile, row.rowNo);
    for (const e of checked.errors) report({ rowNo: row.rowNo, ...e });
    const input = checked.input;
    bad ||= checked.errors.length > 0;
    yield { rowNo: row.rowNo, input: !bad && input ? input : null } satisfies Checked;
  }
  if (!header) fail("文件中没有任何内容（连表头也没有）。");
}

/**
 * One row through the record schema and the in-file checks; errors name the column as the file's header does.
 * Shared by the import and the provider API, so both accept and refuse the same rows.
 */
export function checkRow(
  schema: RecordSchema,
  headers: Record<string, string>,
  raw: Record<string, unknown>,
  inFile: ReturnType<typeof createInFileChecks>,
  rowNo: number,
): { input: RecordInput | null; errors: { column: string; reason: string }[] } {
  const errors: { column: string; reason: string }[] = [];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = headerOf(headers, String(issue.path[0] ?? ""));
      if (seen.has(column)) continue;
      seen.add(column);
      errors.push({ column, reason: issue.message });
    }
  }
  const input = parsed.success ? parsed.data : null;
  const decisionNo = input?.decisionNo ?? (typeof raw.decisionNo === "string" ? raw.decisionNo.trim() : "");
  if (decisionNo) {
    const name = typeof raw.counterpartName === "string" ? raw.counterpartName.trim() : "";
    const uscc = input?.counterpartCategory === "natural_person" ? null : (input?.uscc ?? null);
    for (const p of inFile(rowNo, decisionNo, uscc, name))
      errors.push({ column: headerOf(headers, p.column), reason: p.reason });
  }
  return { input: errors.length ? null : input, errors };
}

/**
 * Moves a job by `event` as the machine says (lib/workflows/import-job), writing `set` with it, and only from
 * the state read: a job another runner moved meanwhile is not moved twice.
 */
export async function advance(
  db: Pick<Db, "update">,
  job: ImportJob,
  event: ImportJobEvent,
  set: Partial<Omit<ImportJob, "id" | "state">>,
): Promise<ImportJob> {
  const t = transition(importJobMachine, job, event, SYSTEM, new Date());
  if (!t.ok) throw new Error(`import ${job.id}: ${t.refused}`);
  const [moved] = await db
    .update(importJobs)
    .set({ ...set, state: t.next })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.state, t.from)))
    .returning();
  if (!moved) throw new Error(`import ${job.id} was moved by another runner`);
  return moved;
}

async function loadJob(db: Pick<Db, "select">, id: number): Promise<ImportJob> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!job) throw new Error(`import job ${id} not found`);
  return job;
}

/**
 * Runs (or resumes) an import job to its end. Pass 1 validates the whole file and stores the report; pass 2
 * writes the good rows in batches, each committing with the job's cursor and an audit row, so a crash leaves
 * whole batches only. All-or-nothing writes nothing when any row is bad, and writes everything in one
 * transaction otherwise.
 */
export async function runImport(db: Db, jobId: number, env: ImportEnv): Promise<ImportJob> {
  let job = await loadJob(db, jobId);
  if (isImportJobFinished(job.state)) return job;
  await ensureImportFile(env, job);
  const [actor] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.id, job.userId));
  const audit = {
    actorId: actor?.id ?? null,
    actorName: actor?.username ?? null,
    entityType: "import",
    entityId: String(job.id),
  };
  const finish = async (event: "finish" | "fail", message: string) => {
    await db.transaction(async (tx) => {
      const j = await advance(tx, await loadJob(tx, job.id), event, {
        message,
        finishedAt: new Date(),
        heartbeatAt: new Date(),
      });
      await logAudit(tx, {
        ...audit,
        action: "import.finish",
        outcome: event === "finish" ? "success" : "failure",
        after: {
          state: j.state,
          message,
          new: j?.newCount,
          updated: j?.updatedCount,
          unchanged: j?.unchangedCount,
          rejected: j?.rejectedCount,
        },
      });
    });
    await discardImportFile(env, job);
    return loadJob(db, job.id);
  };

  // pass 1 (again, from the first row, when a restart cut it off), as far as the machine allows it
  if (transition(importJobMachine, job, "validate", SYSTEM, new Date()).ok) {
    await db.delete(importErrors).where(eq(importErrors.jobId, job.id));
    job = await advance(db, job, "validate", { validatedRows: 0, heartbeatAt: new Date() });
    const buffer: RowError[] = [];
    const badRows = new Set<number>();
    let failure: string | null = null;
    let rows = 0;
    // in slices: one insert of tens of thousands of rows overflows the driver's stack (issue 9 §2)
    const flush = async () => {
      while (buffer.length) {
        const slice = buffer.splice(0, ERROR_FLUSH_AT);
        await db.insert(importErrors).values(slice.map((e) => ({ jobId: job.id, ...e })));
      }
    };
    try {
      const checked = validRows(
        job,
        env,
        (e) => {
          buffer.push({ ...e, column: e.column.slice(0, 64) });
          badRows.add(e.rowNo);
        },
        (m) => {
          failure = m;
        },
      );
      for await (const _ of checked) {
        rows += 1;
        if (buffer.length >= ERROR_FLUSH_AT) await flush();
        if (rows % PROGRESS_EVERY === 0) {
          await flush();
          await db
            .update(importJobs)
            .set({ validatedRows: rows, heartbeatAt: new Date() })
            .where(eq(importJobs.id, job.id));
        }
      }
    } catch (err) {
      failure =
        err instanceof ImportFileRefused
          ? err.message
          : `文件无法解析：${err instanceof Error ? err.message.slice(0, 200) : "格式错误"}。请确认是有效的 CSV 或 XLSX 文件。`;
    }
    await flush();
    if (failure) return finish("fail", failure);
    const all = rows;
    job = await advance(db, job, "write", {
      totalRows: all,
      validatedRows: all,
      rejectedCount: badRows.size,
      committedRows: 0,
      heartbeatAt: new Date(),
    });
    if (all === 0) return finish("fail", "文件只有表头，没有数据行。");
    if (job.mode === "all_or_nothing" && badRows.size > 0) {
      return finish(
        "finish",
        `发现 ${badRows.size} 行有错误。按“全部或全不”方式，本次没有导入任何记录；请按报告修改后重新导入。`,
      );
    }
  }

  // pass 2: the rows that passed, from where the last committed batch ended
  const start = job.committedRows;
  const writeBatch = async (tx: Tx, batch: Valid[]) => {
    const outcomes = await writeRecords(tx, {
      kind: job.kind,
      inputs: batch.map((b) => b.input) as PenaltyInput[] | LicenceInput[],
      departmentId: job.departmentId,
      actor: { id: job.userId, username: actor?.username ?? "" },
      meta: { ip: "import", userAgent: null },
      source: `批量导入 #${job.id} ${job.fileName}`.slice(0, 200),
      channel: "import",
      today: env.today,
      thresholdWan: env.thresholdWan,
    });
    const n = (o: string) => outcomes.filter((x) => x.outcome === o).length;
    const counts = { new: n("new"), updated: n("updated"), unchanged: n("unchanged") };
    const last = batch.at(-1)?.rowNo ?? 0;
    await tx
      .update(importJobs)
      .set({
        committedRows: last,
        newCount: sql`${importJobs.newCount} + ${counts.new}`,
        updatedCount: sql`${importJobs.updatedCount} + ${counts.updated}`,
        unchangedCount: sql`${importJobs.unchangedCount} + ${counts.unchanged}`,
        heartbeatAt: new Date(),
      })
      .where(eq(importJobs.id, job.id));
    await logAudit(tx, {
      ...audit,
      action: "import.batch",
      after: {
        rows: [batch[0]?.rowNo, last],
        ...counts,
        changedIds: outcomes.filter((o) => o.outcome !== "unchanged").map((o) => o.id),
      },
    });
  };
  const batches = async function* () {
    let batch: Valid[] = [];
    for await (const v of validRows(
      job,
      env,
      () => {},
      () => {},
    )) {
      if (v.rowNo <= start || !v.input) continue;
      batch.push({ rowNo: v.rowNo, input: v.input });
      if (batch.length === BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  };
  if (job.mode === "all_or_nothing") {
    await db.transaction(async (tx) => {
      for await (const b of batches()) await writeBatch(tx, b);
    });
  } else {
    for await (const b of batches()) await db.transaction((tx) => writeBatch(tx, b));
  }
  // the embedded engine has no autovacuum; fresh statistics keep the public queries' plans (issue 25)
  await db.execute(sql.raw(`ANALYZE subjects, ${job.kind === "penalty" ? "penalties" : "licences"}`));
  job = await loadJob(db, job.id);
  const summary = `新增 ${job.newCount} 条，更新 ${job.updatedCount} 条，未变化 ${job.unchangedCount} 条，有错误未导入 ${job.rejectedCount} 行。`;
  return finish("finish", summary);
}

import { type Machine, onlySystem } from "./machine";

/**
 * DOMAIN §12 bulk import as a durable job: queued → validating (pass 1, the report) → writing (pass 2, whole
 * batches) → done; a file that cannot be read, or a runner that died, ends in failed. Only the runner moves it.
 */
export const IMPORT_JOB_STATES = ["queued", "validating", "writing", "done", "failed"] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];
export type ImportJobEvent = "validate" | "write" | "finish" | "fail";

export const importJobMachine: Machine<ImportJobState, ImportJobEvent, { state: ImportJobState }> = {
  name: "import_job",
  states: IMPORT_JOB_STATES,
  labels: { queued: "排队中", validating: "校验中", writing: "写入中", done: "已完成", failed: "失败" },
  final: ["done", "failed"],
  events: {
    // a validation cut off by a restart starts again from the first row
    validate: { from: ["queued", "validating"], to: "validating", who: onlySystem, label: "校验" },
    write: { from: ["validating"], to: "writing", who: onlySystem, label: "写入" },
    // all-or-nothing with bad rows finishes straight after validating, writing nothing
    finish: { from: ["validating", "writing"], to: "done", who: onlySystem, label: "完成" },
    fail: { from: ["queued", "validating", "writing"], to: "failed", who: onlySystem, label: "失败" },
  },
};

/** The states a runner may still pick up (a job left in one by a stopped server is resumed). */
export const IMPORT_JOB_ACTIVE: readonly ImportJobState[] = IMPORT_JOB_STATES.filter(
  (s) => !importJobMachine.final.includes(s),
);
export const isImportJobFinished = (s: ImportJobState) => importJobMachine.final.includes(s);

export const IMPORT_JOB_INITIAL: ImportJobState = "queued";

/**
 * Issue 20 N2: a job is taken up at most twice — its first run and one resumption after a stopped server. A job
 * whose runner died again may be what killed it, and resuming it would kill the next one: it is failed instead.
 */
export const IMPORT_JOB_MAX_RUNS = 2;

/** Null while the job may run once more (`runs`: how often it was taken up before), else the job's message. */
export function runsExhausted(runs: number): string | null {
  return runs >= IMPORT_JOB_MAX_RUNS
    ? `导入任务已中断 ${runs} 次，为保护系统不再自动续传（已提交的批次保留）。请检查文件，或另存为 CSV 后重新上传。`
    : null;
}

type Progress = {
  state: ImportJobState;
  totalRows: number;
  validatedRows: number;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
};

/** What the progress bar shows: validating fills the first half (its length unknown), writing the second. */
export function importProgress(s: Progress): { percent: number; phase: string; failed: boolean } {
  const written = s.newCount + s.updatedCount + s.unchangedCount;
  const n = (x: number) => x.toLocaleString("en-US");
  const byState: Record<ImportJobState, { percent: number; phase: string }> = {
    queued: { percent: 0, phase: importJobMachine.labels.queued },
    validating: {
      percent: Math.min(49, 5 + Math.round(Math.log10(1 + s.validatedRows) * 8)),
      phase: `正在校验：已读 ${n(s.validatedRows)} 行`,
    },
    writing: {
      percent: s.totalRows > 0 ? 50 + Math.round((50 * (written + s.rejectedCount)) / s.totalRows) : 50,
      phase: `正在写入：${n(written)} / ${n(s.totalRows - s.rejectedCount)} 行`,
    },
    done: { percent: 100, phase: importJobMachine.labels.done },
    failed: { percent: 100, phase: importJobMachine.labels.failed },
  };
  return { ...byState[s.state], failed: s.state === "failed" };
}

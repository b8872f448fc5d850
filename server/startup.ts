import "server-only";
import { writeAuditCheckpoint } from "./audit";
import { sweepCaseFiles } from "./case-files";
import { config } from "./config";
import { database, getDb } from "./db";
import { logUnexpected } from "./errors";
import { publishHealthProbe } from "./health";
import { publishDirectRoutes } from "./http/subjects-api";
import { sweepImportFiles } from "./services/imports/start-import";
import { startOutboxWorker } from "./services/notify/worker";
import { resumeDisclosureJobs } from "./services/settings/disclosure-job";

// the audit chain's head goes to the checkpoint file at start and then every 10 minutes (issue 9 §3)
const CHECKPOINT_EVERY_MS = 10 * 60_000;

async function checkpoint(): Promise<void> {
  try {
    const h = await database();
    await writeAuditCheckpoint((text, params) => h.exec(text, params));
  } catch (err) {
    logUnexpected("audit checkpoint", err);
  }
}

/** Work done once when a server process starts; a failure is logged and never stops the server. */
export async function onServerStart(): Promise<void> {
  publishHealthProbe();
  publishDirectRoutes();
  try {
    const removed = await sweepImportFiles(await getDb(), config().importDir);
    if (removed.length) console.log(`已删除 ${removed.length} 个过期的导入文件。`);
    const orphans = await sweepCaseFiles(await getDb());
    if (orphans.length) console.log(`已删除 ${orphans.length} 个没有办件或稿件引用的材料文件。`);
  } catch (err) {
    logUnexpected("startup sweep", err);
  }
  try {
    const resumed = await resumeDisclosureJobs(await getDb());
    if (resumed) console.log(`继续 ${resumed} 个未完成的公示范围重新计算任务。`);
  } catch (err) {
    logUnexpected("startup disclosure jobs", err);
  }
  // issue 22 §1: on the embedded database this process delivers the outbox; beside PostgreSQL, `npm run worker`
  if (config().outboxInline) startOutboxWorker(await getDb());
  await checkpoint();
  setInterval(checkpoint, CHECKPOINT_EVERY_MS).unref();
}

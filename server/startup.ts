import "server-only";
import { writeAuditCheckpoint } from "./audit";
import { config } from "./config";
import { database, getDb } from "./db";
import { logUnexpected } from "./errors";
import { publishHealthProbe } from "./health";
import { sweepImportFiles } from "./services/imports/start-import";

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
  try {
    const removed = await sweepImportFiles(await getDb(), config().importDir);
    if (removed.length) console.log(`已删除 ${removed.length} 个过期的导入文件。`);
  } catch (err) {
    logUnexpected("startup sweep", err);
  }
  await checkpoint();
  setInterval(checkpoint, CHECKPOINT_EVERY_MS).unref();
}

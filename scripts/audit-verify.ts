import { checkpointPlace, verifyAudit, writeAuditCheckpoint } from "../server/audit";
import { openConfiguredDatabase, runCli } from "./cli";

/**
 * npm run audit:verify — checks the keyed hash chain and every checkpoint (the checkpoint file, or the object store's); exit 0 only
 * when both hold, and then writes a new checkpoint. Otherwise names the first broken row and exits 1.
 */
await runCli(async () => {
  const db = await openConfiguredDatabase();
  const place = checkpointPlace();
  const where = typeof place === "string" ? place : place.location;
  try {
    const v = await verifyAudit(db.exec, place);
    if (v.intact) {
      const cp = await writeAuditCheckpoint(db.exec, place);
      console.log(`审计日志哈希链完整：共 ${v.rows} 行，与 ${v.checkpoints} 个检查点一致（${where}）。`);
      const head = cp ?? v.latest;
      if (head)
        console.log(
          `最新检查点：第 ${head.lastId} 行，共 ${head.rows} 行，哈希 ${head.hash}（请另行保存此行）。`,
        );
    } else {
      console.error(`审计日志哈希链在 id=${v.brokenId} 的行断开：${v.reason}。已核对 ${v.rows} 行。`);
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
});

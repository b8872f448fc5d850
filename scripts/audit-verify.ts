import { verifyAuditChain } from "../server/audit";
import { openConfiguredDatabase, runCli } from "./cli";

/** npm run audit:verify — exit 0 only when the audit chain is intact; otherwise names the first broken row. */
await runCli(async () => {
  const db = await openConfiguredDatabase();
  try {
    const v = await verifyAuditChain(db.exec);
    if (v.intact) {
      console.log(`审计日志哈希链完整：共 ${v.rows} 行。`);
    } else {
      console.error(`审计日志哈希链在 id=${v.brokenId} 的行断开：${v.reason}。已核对 ${v.rows} 行。`);
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
});

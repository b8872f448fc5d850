import { migrateDatabase } from "../db/migrate";
import { chinaDate } from "../lib/calendar/dates";
import { DEFAULT_POLICY } from "../lib/policy";
import { config } from "../server/config";
import { caseFileStore } from "../server/object-store";
import { publishOpenData } from "../server/services/open-data/publish";
import { flag, openConfiguredDatabase, runCli } from "./cli";
import { loadFixtures } from "./seed/fixtures";
import { isSeeded, resumeSeed, seedDemo } from "./seed/index";
import { perMillionRecords } from "./seed/load";
import { printAccounts } from "./seed/users";

await runCli(async () => {
  const subjects = Number(flag("subjects") ?? 3000);
  if (!Number.isInteger(subjects) || subjects < 10) throw new Error("--subjects 应为不小于 10 的整数");
  const recordScale = Number(flag("record-scale") ?? 1);
  if (!(recordScale >= 1 && recordScale <= 4)) throw new Error("--record-scale 应为 1 到 4 之间的数");
  const db = await openConfiguredDatabase();
  try {
    await migrateDatabase(db);
    const resume = flag("resume") !== undefined;
    if (!resume && (await isSeeded(db))) {
      if (flag("if-empty")) {
        console.log("数据库已有数据，跳过导入演示数据。");
        return;
      }
      console.error("数据库已有数据。如需重新导入，请先清空数据库（内置数据库：删除 PGLITE_DIR 目录）。");
      process.exitCode = 1;
      return;
    }
    const anchor = flag("anchor") ?? chinaDate(new Date());
    console.log(`正在导入演示数据：${subjects} 个主体，基准日 ${anchor}（${db.engine}：${db.location}）…`);
    const r = await (resume ? resumeSeed : seedDemo)(db, {
      subjects,
      seed: Number(flag("seed") ?? 20260101),
      anchor,
      piiKey: config().piiKey,
      putCaseFile: (key, bytes) => caseFileStore().put(key, bytes),
      log: console.log,
      recordScale,
    });
    const c = r.counts;
    const records = (c.penalties ?? 0) + (c.licences ?? 0) + (c.admin_acts ?? 0);
    console.log(
      `完成，用时 ${r.seconds.toFixed(1)} 秒：主体 ${c.subjects}，记录 ${records}（处罚 ${c.penalties}，许可 ${c.licences}，其他行政行为 ${c.admin_acts}），名单条目 ${c.list_entries}，信用承诺 ${c.commitments}`,
    );
    // issue 24 §1: what a million records cost to load and to keep
    const [size] = await db.exec("SELECT pg_database_size(current_database())::bigint AS bytes");
    const bytes = Number(size?.bytes ?? 0);
    const perMillion = perMillionRecords(records, bytes, r.seconds);
    console.log(
      JSON.stringify({
        subjects: c.subjects,
        records,
        seconds: r.seconds,
        engine: db.engine,
        database_bytes: bytes,
        seconds_per_million_records: perMillion.seconds,
        mb_per_million_records: perMillion.mb,
      }),
    );
    // the accounts and cases the browser tests act on (a cluster test seeds its own PostgreSQL with them)
    if (flag("fixtures")) await loadFixtures(db, anchor, config().piiKey);
    if (flag("open-data")) {
      const files = await publishOpenData(db.db, {
        dir: config().openDataDir,
        today: anchor,
        reason: "seed",
        retain: DEFAULT_POLICY.openDataRetainedFiles,
      });
      if (files) console.log(`开放数据文件已生成（第 ${files.generation} 版）。`);
    }
    printAccounts(r.businessSubject);
  } finally {
    await db.close();
  }
});

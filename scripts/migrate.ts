import { migrateDatabase } from "../db/migrate";
import { openConfiguredDatabase, runCli } from "./cli";

await runCli(async () => {
  const db = await openConfiguredDatabase();
  try {
    await migrateDatabase(db);
    console.log(`数据库已迁移到最新版本（${db.engine}：${db.location}）`);
  } finally {
    await db.close();
  }
});

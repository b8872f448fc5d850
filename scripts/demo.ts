import { spawn } from "node:child_process";
import { SetupError } from "../db/errors";
import { migrateDatabase } from "../db/migrate";
import { chinaDate } from "../lib/calendar/dates";
import { DEFAULT_POLICY } from "../lib/policy";
import { config } from "../server/config";
import { caseFileStore } from "../server/object-store";
import { publishOpenData } from "../server/services/open-data/publish";
import { demoAuthSecret } from "./auth-secret";
import { openConfiguredDatabase, runCli, serveArgs } from "./cli";
import { seedDemo, seedState } from "./seed/index";
import { printAccounts } from "./seed/users";

const PORT = process.env.PORT ?? "3000";
const NEXT_BIN = "node_modules/next/dist/bin/next";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT, AUTH_SECRET: demoAuthSecret() };

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args[0]} 退出，代码 ${code}`)),
    );
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

await runCli(async () => {
  // 1. migrate, and seed only an empty database; then close it: the server must be its only opener
  const db = await openConfiguredDatabase();
  let businessSubject: string | undefined;
  try {
    await migrateDatabase(db);
    const state = await seedState(db);
    if (state === "partial") {
      throw new SetupError(
        `数据库 ${db.location} 中已有数据，但演示数据没有完整导入（可能上次导入被中断）。请停止服务后删除该目录（或清空该数据库）再运行。`,
      );
    }
    if (state === "seeded") console.log(`数据库已有数据（${db.location}），不再导入演示数据。`);
    else {
      console.log(`正在导入演示数据（${db.engine}：${db.location}）…`);
      const r = await seedDemo(db, {
        subjects: 3000,
        seed: 20260101,
        anchor: chinaDate(new Date()),
        piiKey: config().piiKey,
        putCaseFile: (key, bytes) => caseFileStore().put(key, bytes),
      });
      businessSubject = r.businessSubject;
      console.log(`演示数据导入完成，用时 ${r.seconds.toFixed(1)} 秒。`);
    }
    // the open-data files exist before the first download (issue 25 §4); the server's worker keeps them current
    const files = await publishOpenData(db.db, {
      dir: config().openDataDir,
      today: chinaDate(new Date()),
      reason: "seed",
      retain: DEFAULT_POLICY.openDataRetainedFiles,
    });
    if (files)
      console.log(`开放数据文件已生成（第 ${files.generation} 版，用时 ${files.seconds.toFixed(1)} 秒）。`);
  } finally {
    await db.close();
  }

  // 2. build, 3. serve
  await run(["build"]);
  const server = spawn(process.execPath, serveArgs(PORT), { stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));

  if (await waitForHttp(`http://localhost:${PORT}/`, 60_000)) {
    console.log(`\n信用江西已启动：http://localhost:${PORT}`);
    printAccounts(businessSubject);
    console.log("\n按 Ctrl+C 停止。");
  } else console.error("服务器在 60 秒内没有响应，请查看上方日志。");
});

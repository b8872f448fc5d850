import { runCli } from "./cli";

/**
 * `npm run worker`: delivers the outbox (issue 22 §1) beside the app on PostgreSQL; run several for more throughput,
 * they never take the same message. Stops cleanly on SIGINT/SIGTERM, finishing the message in hand.
 */
await runCli(async () => {
  const { config } = await import("../server/config");
  const { getDb } = await import("../server/db");
  const { startOutboxWorker } = await import("../server/services/notify/worker");
  if (!config().databaseUrl) {
    console.error(
      "\n错误：未设置 DATABASE_URL。内置数据库由应用进程自己投递消息，不需要也不能另起 worker（两个进程不能共用内置数据库）。\n",
    );
    process.exit(2);
  }
  const worker = startOutboxWorker(await getDb(), {
    onRound: (r) => {
      if (r.delivered + r.retrying + r.failed > 0)
        console.log(
          `投递 ${r.delivered} 条，待重试 ${r.retrying} 条，失败 ${r.failed} 条，延后 ${r.deferred} 条。`,
        );
    },
  });
  console.log("消息投递进程已启动。");
  await new Promise<void>((resolve) => {
    for (const s of ["SIGINT", "SIGTERM"] as const) process.once(s, () => resolve());
  });
  await worker.stop();
  console.log("消息投递进程已停止。");
});

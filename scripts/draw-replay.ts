import { replayDraw } from "../server/queries/draw-replay";
import { openConfiguredDatabase, runCli } from "./cli";

/**
 * npm run draw:replay -- <draw id | draw number | latest> — re-runs a confirmed 双随机 draw from its stored seed and
 * pool snapshot (issue 12 §3). Prints 「一致」 and exits 0 only when the replay is identical to what was stored.
 */
await runCli(async () => {
  const which = process.argv[2]?.trim();
  if (!which) {
    console.error("用法：npm run draw:replay -- <抽查 id | 抽查编号 | latest>");
    process.exitCode = 2;
    return;
  }
  const handle = await openConfiguredDatabase();
  try {
    const r = await replayDraw({ db: handle.db, which });
    if (!r) {
      console.error(`没有 id 或编号为 ${which} 的已确认抽查。`);
      process.exitCode = 1;
      return;
    }
    const head = `抽查 ${r.drawNo}（id ${r.drawId}）：对象库 ${r.poolSize} 户，抽中 ${r.drawn} 户，复核用时 ${r.ms} ms`;
    if (r.identical) console.log(`${head}\n一致 (identical)`);
    else {
      console.log(`${head}\n不一致：${r.difference}`);
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
});

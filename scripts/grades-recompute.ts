import { openConfiguredDatabase, runCli } from "./cli";

/**
 * npm run grades:recompute — every subject's grade as of today, set-based in the database (regrade_subjects in
 * db/migrations/0011): records whose publicity ended since the last run stop counting. Prints the count and time.
 */
await runCli(async () => {
  const db = await openConfiguredDatabase();
  try {
    const started = Date.now();
    const [r] = await db.exec("SELECT regrade_subjects(NULL) AS n");
    const seconds = (Date.now() - started) / 1000;
    console.log(`已重新计算 ${Number(r?.n ?? 0)} 个主体的信用评价，用时 ${seconds.toFixed(1)} 秒。`);
    const dist = await db.exec(
      "SELECT grade::text AS g, count(*)::int AS n FROM subject_grades GROUP BY 1 ORDER BY 1",
    );
    console.log(dist.map((x) => `${x.g} 级 ${x.n}`).join("，"));
  } finally {
    await db.close();
  }
});

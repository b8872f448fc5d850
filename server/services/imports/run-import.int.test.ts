import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { penaltyCsv } from "@/db/testing/import-csv";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { verifyAuditChain } from "../../audit";
import { runImport } from "./run-import";

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "credit-import-"));
const env = { importDir: dir, today: "2026-11-23", thresholdWan: 1 };
let nextJob = 1;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec(
    `INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')`,
  );
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES (1, 'jxamr', '江西省市场监督管理局', '省市场监管局', '11360000MB1234567X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (1, 'operator', '录入员', 'x', 1, '360000')`,
  );
});
afterAll(async () => {
  await db.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function job(csv: string, mode: "keep_good" | "all_or_nothing", state = "queued", committed = 0) {
  const id = nextJob++;
  writeFileSync(join(dir, `${id}.csv`), csv);
  await db.exec(
    `INSERT INTO import_jobs (id, department_id, user_id, kind, mode, file_name, file_size, format, state, committed_rows)
     VALUES ($1, 1, 1, 'penalty', $2, 'test.csv', $3, 'csv', $4, $5)`,
    [id, mode, csv.length, state, committed],
  );
  return id;
}
const count = async (sql: string, params: unknown[] = []) => Number((await db.exec(sql, params))[0]?.n);

describe("bulk import (issue 5 §6)", () => {
  it("reports every planted error by row and column, keeps the good rows, and accepts no bad one", async () => {
    const { csv, planted } = penaltyCsv(400, { errorEvery: 20, prefix: "甲" });
    const r = await runImport(db.db, await job(csv, "keep_good"), env);
    expect(r.state).toBe("done");
    const reported = await db.exec(
      'SELECT row_no, "column" FROM import_errors WHERE job_id = $1 ORDER BY row_no',
      [r.id],
    );
    expect(reported.map((e) => ({ row: Number(e.row_no), column: e.column }))).toEqual(planted);
    expect(r).toMatchObject({
      newCount: 400 - planted.length,
      rejectedCount: planted.length,
      totalRows: 400,
    });
    expect(await count("SELECT count(*) n FROM penalties WHERE decision_no LIKE '甲%'")).toBe(
      400 - planted.length,
    );
    // no planted bad USCC, date or empty name made it in
    expect(
      await count(
        "SELECT count(*) n FROM penalties WHERE counterpart_name = '' OR decision_date > '2026-11-23'",
      ),
    ).toBe(0);
  });

  it("a second run of the same file changes nothing: 0 new, N unchanged", async () => {
    const { csv, planted } = penaltyCsv(400, { errorEvery: 20, prefix: "甲" });
    const r = await runImport(db.db, await job(csv, "keep_good"), env);
    expect(r).toMatchObject({ newCount: 0, updatedCount: 0, unchangedCount: 400 - planted.length });
  });

  it("all or nothing: one bad row and no record is written", async () => {
    const { csv } = penaltyCsv(50, { errorEvery: 49, prefix: "乙" });
    const r = await runImport(db.db, await job(csv, "all_or_nothing"), env);
    expect(r).toMatchObject({ state: "done", newCount: 0, rejectedCount: 1 });
    expect(r.message).toContain("没有导入任何记录");
    expect(await count("SELECT count(*) n FROM penalties WHERE decision_no LIKE '乙%'")).toBe(0);
  });

  it("resumes a job killed while writing from its last committed batch", async () => {
    const { csv } = penaltyCsv(2500, { prefix: "丙" });
    // as a killed server leaves it: validated, the first batch (rows 2–1001) committed
    const first = await job(csv, "keep_good", "queued");
    const done = await runImport(db.db, first, env);
    expect(done.newCount).toBe(2500);
    await db.exec(
      "DELETE FROM penalties WHERE decision_no LIKE '丙%' AND id > (SELECT min(id) + 999 FROM penalties WHERE decision_no LIKE '丙%')",
    );
    const resumed = await job(csv, "keep_good", "writing", 1001);
    await db.exec("UPDATE import_jobs SET total_rows = 2500 WHERE id = $1", [resumed]);
    const r = await runImport(db.db, resumed, env);
    expect(r).toMatchObject({ state: "done", newCount: 1500, unchangedCount: 0 });
    expect(await count("SELECT count(*) n FROM penalties WHERE decision_no LIKE '丙%'")).toBe(2500);
  });

  it("refuses a file without the required headers, writing nothing, and keeps the audit chain intact", async () => {
    const r = await runImport(db.db, await job("名称,代码\n甲,乙\n", "keep_good"), env);
    expect(r.state).toBe("failed");
    expect(r.message).toContain("缺少表头");
    expect(await verifyAuditChain((t, p) => db.exec(t, p))).toMatchObject({ intact: true });
  });
});

import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PENALTY_CSV_HEADER, penaltyCsv } from "@/db/testing/import-csv";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { writeXlsxBomb } from "@/db/testing/xlsx-bomb";
import { verifyAuditChain } from "../../audit";
import { runImport } from "./run-import";
import { kickImport, sweepImportFiles } from "./start-import";

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "credit-import-"));
const env = { importDir: dir, today: "2026-11-23", thresholdWan: 1, maxRows: 200_000 };
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

async function job(
  csv: string | Buffer,
  mode: "keep_good" | "all_or_nothing",
  state = "queued",
  committed = 0,
  format: { format: "csv" | "xlsx"; encoding: string } = { format: "csv", encoding: "utf-8" },
) {
  const id = nextJob++;
  writeFileSync(join(dir, `${id}.${format.format}`), csv);
  await db.exec(
    `INSERT INTO import_jobs (id, department_id, user_id, kind, mode, file_name, file_size, format, encoding, state, committed_rows)
     VALUES ($1, 1, 1, 'penalty', $2, 'test', $3, $4, $5, $6, $7)`,
    [id, mode, csv.length, format.format, format.encoding, state, committed],
  );
  return id;
}

/** GB 18030 bytes of a string, found by decoding every two-byte code (Node has a GB 18030 decoder only). */
function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const d = new TextDecoder("gb18030");
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(d.decode(new Uint8Array([a, b])), [a, b]);
  return Buffer.from(
    Array.from(text).flatMap((ch) =>
      ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]),
    ),
  );
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

  it("leaves planner statistics of the rows it wrote: the embedded engine has no autovacuum (issue 25)", async () => {
    expect(
      await count("SELECT count(*) n FROM pg_stats WHERE schemaname = 'public' AND tablename = 'penalties'"),
    ).toBeGreaterThan(0);
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

  it("reads a GBK (GB 18030) CSV with its Chinese intact", async () => {
    const { csv } = penaltyCsv(5, { prefix: "丁" });
    const r = await runImport(
      db.db,
      await job(gb18030(csv), "keep_good", "queued", 0, { format: "csv", encoding: "gb18030" }),
      env,
    );
    expect(r).toMatchObject({ state: "done", newCount: 5 });
    const [row] = await db.exec("SELECT counterpart_name FROM penalties WHERE decision_no = '丁〔2026〕0号'");
    expect(row?.counterpart_name).toBe("测试企业0有限公司（演示）");
  });

  it("reads XLSX: dates from date cells, and a formula cell is refused, never evaluated", async () => {
    const { csv } = penaltyCsv(3, { prefix: "戊" });
    const [head, ...rows] = csv
      .trim()
      .split("\n")
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, "")));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("处罚");
    ws.addRow(head ?? []);
    const dateCol = (head ?? []).indexOf("处罚决定日期");
    const fineCol = (head ?? []).indexOf("罚款金额（万元）");
    rows.forEach((r, i) => {
      const values: ExcelJS.CellValue[] = [...r];
      values[dateCol] = new Date(Date.UTC(2026, 4, 10 + i));
      if (i === 2) values[fineCol] = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
      ws.addRow(values);
    });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await runImport(
      db.db,
      await job(buf, "keep_good", "queued", 0, { format: "xlsx", encoding: "utf-8" }),
      env,
    );
    expect(r).toMatchObject({ state: "done", newCount: 2, rejectedCount: 1 });
    const [err] = await db.exec('SELECT row_no, "column", reason FROM import_errors WHERE job_id = $1', [
      r.id,
    ]);
    expect(err).toMatchObject({ row_no: 4, column: "罚款金额（万元）" });
    expect(String(err?.reason)).toContain("公式");
    const [p] = await db.exec(
      "SELECT decision_date::text AS d FROM penalties WHERE decision_no = '戊〔2026〕1号'",
    );
    expect(p?.d).toBe("2026-05-11");
  });

  it("refuses a file without the required headers, writing nothing, and keeps the audit chain intact", async () => {
    const r = await runImport(db.db, await job("名称,代码\n甲,乙\n", "keep_good"), env);
    expect(r.state).toBe("failed");
    expect(r.message).toContain("缺少表头");
    expect(await verifyAuditChain((t, p) => db.exec(t, p))).toMatchObject({ intact: true });
  });

  // issue 9 §2: the error report used to be flushed only when a good row came; 10,000 bad rows in a row made
  // one insert of every error, past what the driver can spread onto its stack
  it("reports 10,000 bad rows in a row, each with many errors, without crashing", async () => {
    const bad = ",法人及非法人组织,91360100ABCDEFGHIJ,张三,,,,,,,,2026-02-30,一般";
    const csv = `${PENALTY_CSV_HEADER}\n${Array.from({ length: 10_000 }, () => bad).join("\n")}\n`;
    const r = await runImport(db.db, await job(csv, "keep_good"), env);
    expect(r).toMatchObject({ state: "done", totalRows: 10_000, rejectedCount: 10_000, newCount: 0 });
    expect(await count("SELECT count(DISTINCT row_no) n FROM import_errors WHERE job_id = $1", [r.id])).toBe(
      10_000,
    );
    expect(await count("SELECT count(*) n FROM import_errors WHERE job_id = $1", [r.id])).toBeGreaterThan(
      50_000,
    );
  });

  // issue 9 §7: the stored file holds ID numbers in plain text; it goes when the job ends, whatever the end
  it("deletes the job's file when it is done and when it failed", async () => {
    const ok = await runImport(db.db, await job(penaltyCsv(3, { prefix: "庚" }).csv, "keep_good"), env);
    const bad = await runImport(db.db, await job("名称\n甲\n", "keep_good"), env);
    expect([ok.state, bad.state]).toEqual(["done", "failed"]);
    expect(existsSync(join(dir, `${ok.id}.csv`))).toBe(false);
    expect(existsSync(join(dir, `${bad.id}.csv`))).toBe(false);
  });

  it("the start-up sweep removes day-old files no running job needs, and nothing else", async () => {
    const live = await job("行政相对人名称\n", "keep_good", "writing");
    const ended = nextJob++;
    const old = (Date.now() - 2 * 86_400_000) / 1000;
    for (const name of [`${live}.csv`, `${ended}.csv`, "upload-old", "upload-new", "notes.txt"]) {
      writeFileSync(join(dir, name), "x");
      if (name !== "upload-new") utimesSync(join(dir, name), old, old);
    }
    const removed = await sweepImportFiles(db.db, dir);
    expect(removed.sort()).toEqual([`${ended}.csv`, "upload-old"]);
    for (const kept of [`${live}.csv`, "upload-new", "notes.txt"])
      expect(existsSync(join(dir, kept))).toBe(true);
  });
});

describe("a file built to take the server down (issue 20 N2)", () => {
  const bombJob = async (inflatedMb: number, chars?: number) => {
    const id = nextJob++;
    const path = join(dir, `${id}.xlsx`);
    await writeXlsxBomb(path, inflatedMb, chars);
    await db.exec(
      `INSERT INTO import_jobs (id, department_id, user_id, kind, mode, file_name, file_size, format, encoding)
       VALUES ($1, 1, 1, 'penalty', 'keep_good', 'bomb.xlsx', 1, 'xlsx', 'utf-8')`,
      [id],
    );
    return id;
  };
  const written = () => count("SELECT count(*) n FROM penalties");

  it("shared strings inflating to 150 MB from a file of 0.3 MB: refused by their size, this process untouched", async () => {
    const before = await written();
    const rss = process.memoryUsage().rss;
    const r = await runImport(db.db, await bombJob(150), env);
    expect(r).toMatchObject({ state: "failed", newCount: 0 });
    expect(r.message).toMatch(/共享字符串解压后达 150 MB，超过 128 MB 的上限/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1048576);
    expect(await written()).toBe(before);
    expect(existsSync(join(dir, `${r.id}.xlsx`))).toBe(false);
  });

  it("2.1 million tiny shared strings are counted as they inflate and refused", async () => {
    const r = await runImport(db.db, await bombJob(38, 1), env);
    expect(r).toMatchObject({ state: "failed", newCount: 0 });
    expect(r.message).toMatch(/共享字符串超过 2,000,000 个的上限/);
  });

  it("a reader that runs out of its heap dies alone: the job fails with a message and nothing is written", async () => {
    const before = await written();
    const r = await runImport(db.db, await bombJob(100), { ...env, readerHeapMb: 32 });
    expect(r).toMatchObject({ state: "failed", newCount: 0 });
    expect(r.message).toMatch(/XLSX 文件解析超出内存限制（32 MB）被终止/);
    expect(await written()).toBe(before);
  }, 120_000);

  it("a file past the row limit is refused whole", async () => {
    const { csv } = penaltyCsv(6, { prefix: "辛" });
    const r = await runImport(db.db, await job(csv, "keep_good"), { ...env, maxRows: 5 });
    expect(r).toMatchObject({ state: "failed", newCount: 0 });
    expect(r.message).toMatch(/文件超过 5 行的上限/);
    const ok = await runImport(db.db, await job(penaltyCsv(5, { prefix: "壬" }).csv, "keep_good"), {
      ...env,
      maxRows: 5,
    });
    expect(ok).toMatchObject({ state: "done", newCount: 5 });
  });

  it("a job whose runner died twice is failed with a message, never taken up a third time", async () => {
    const id = await job(penaltyCsv(3, { prefix: "癸" }).csv, "keep_good", "writing");
    await db.exec(
      "UPDATE import_jobs SET runs = 2, heartbeat_at = now() - interval '5 minutes' WHERE id = $1",
      [id],
    );
    await kickImport(db.db, id, env);
    const [row] = await db.exec("SELECT state::text AS state, message, runs FROM import_jobs WHERE id = $1", [
      id,
    ]);
    expect(row).toMatchObject({ state: "failed", runs: 3 });
    expect(String(row?.message)).toMatch(/已中断 2 次，为保护系统不再自动续传/);
    expect(existsSync(join(dir, `${id}.csv`))).toBe(false);
    expect(await count("SELECT count(*) n FROM penalties WHERE decision_no LIKE '%癸%'")).toBe(0);
  });
});

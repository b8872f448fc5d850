import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { penaltyCsv } from "@/db/testing/import-csv";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import {
  PENALTY_HEADERS,
  type PenaltyInput,
  penaltyInputSchema,
  rowToInput,
} from "@/lib/records/record-input";
import { runImport } from "../imports/run-import";
import { receiveProviderBatch } from "../provider-batch";
import { saveRecord } from "./save-record";

// Issue 10: the console form, the import and the provider API write records through one pipeline. The same
// rows sent through each (by three departments, since a record is unique per 数据来源单位 + 文号) give the
// same rows in the database, but for who wrote them.
let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "credit-write-"));
const TODAY = "2026-11-30";
const meta = { ip: "203.0.113.5", userAgent: "vitest" };
const operator = (id: number, departmentId: number) => testActor({ id, departmentId, role: "operator" });

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await db.exec(
    "INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')",
  );
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'form', '表单录入局', '表单局', '11360000MB1234567X', '360000', 'province'),
     (2, 'file', '文件导入局', '导入局', '11360000MB7654321X', '360000', 'province'),
     (3, 'api', '接口报送局', '接口局', '11360000MB1111111X', '360000', 'province')`,
  );
  for (const [id, dept] of [
    [1, 1],
    [2, 2],
  ])
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES ($1, $2, $2, 'x', $3, '360000')",
      [id, `op${id}`, dept],
    );
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Every column but who wrote it, where, and when. */
const rowsOf = async (deptId: number) =>
  (await db.exec(`SELECT * FROM penalties WHERE source_dept_id = $1 ORDER BY decision_no`, [deptId])).map(
    ({ id, source_dept_id, authority_dept_id, created_by, updated_by, created_at, updated_at, ...rest }) =>
      rest,
  );

describe("one write path for records (issue 10)", () => {
  it("the same rows through the form, the import and the provider API give the same rows", async () => {
    const { csv } = penaltyCsv(6, { prefix: "赣同源" });
    const records = parse(csv, { columns: true, bom: true }) as Record<string, string>[];

    // the form: one record at a time, parsed as its action parses it
    for (const r of records) {
      const input = penaltyInputSchema(TODAY).parse(rowToInput(PENALTY_HEADERS, r)) as PenaltyInput;
      await saveRecord({ db: db.db, actor: operator(1, 1), meta, today: TODAY }, { kind: "penalty", input });
    }
    // the import: the file as a job of department 2
    writeFileSync(join(dir, "1.csv"), csv);
    await db.exec(
      `INSERT INTO import_jobs (id, department_id, user_id, kind, mode, file_name, file_size, format, encoding)
       VALUES (1, 2, 2, 'penalty', 'keep_good', 'same.csv', $1, 'csv', 'utf-8')`,
      [csv.length],
    );
    const job = await runImport(db.db, 1, { importDir: dir, today: TODAY, thresholdWan: 1, maxRows: 1000 });
    expect(job).toMatchObject({ state: "done", newCount: 6 });
    // the provider API: the batch with the Chinese headers, from department 3's key
    const batch = await receiveProviderBatch(db.db, {
      kind: "penalty",
      rows: records,
      mode: "keep_good",
      key: { keyId: 9, departmentId: 3, label: "接口局系统" },
      meta,
      today: TODAY,
      thresholdWan: 1,
    });
    expect(batch.summary).toMatchObject({ received: 6, new: 6, rejected: 0 });

    const [form, file, api] = [await rowsOf(1), await rowsOf(2), await rowsOf(3)];
    expect(form).toHaveLength(6);
    expect(file).toEqual(form);
    expect(api).toEqual(form);
    // one subject per counterpart, shared by all three
    const [subjects] = await db.exec("SELECT count(*)::int AS n FROM subjects");
    expect(subjects?.n).toBe(6);
  });
});

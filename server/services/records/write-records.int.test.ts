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
import { getDataset } from "../../queries/exports";
import { provenanceOf } from "../../queries/provenance";
import { runImport } from "../imports/run-import";
import { receiveProviderBatch } from "../provider-batch";
import { saveRecord, withdrawRecord } from "./save-record";

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
    ({
      id,
      source_dept_id,
      authority_dept_id,
      created_by,
      updated_by,
      created_at,
      updated_at,
      channel,
      ...rest
    }) => rest,
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
    // each keeps the channel it arrived by (issue 25 §2)
    const channels = await db.exec(
      "SELECT DISTINCT source_dept_id::int AS dept, channel FROM penalties ORDER BY 1",
    );
    expect(channels).toEqual([
      { dept: 1, channel: "console" },
      { dept: 2, channel: "import" },
      { dept: 3, channel: "api" },
    ]);
  });
});

describe("provenance: every public change of a record is kept, whoever made it (issue 25 §2)", () => {
  const history = async (id: number) =>
    (await provenanceOf("penalty", [id])).get(id)?.history.map(({ at, text, ...c }) => c) ?? [];
  const first = async (dept: number) =>
    Number((await db.exec("SELECT min(id) AS id FROM penalties WHERE source_dept_id = $1", [dept]))[0]?.id);

  it("an edit in the console is a 更正 naming the fields, old and new, by the console", async () => {
    const id = await first(1);
    const [row] = await db.exec("SELECT * FROM penalties WHERE id = $1", [id]);
    const { csv } = penaltyCsv(6, { prefix: "赣同源" });
    const records = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const r = records.find((x) => x.行政处罚决定书文号 === row?.decision_no) ?? {};
    const input = penaltyInputSchema(TODAY).parse(
      rowToInput(PENALTY_HEADERS, { ...r, "罚款金额（万元）": "1.5", 处罚内容: "罚款 1.5 万元" }),
    ) as PenaltyInput;
    await saveRecord(
      { db: db.db, actor: operator(1, 1), meta, today: TODAY },
      { kind: "penalty", id, input },
    );
    expect(await history(id)).toEqual([
      {
        action: "corrected",
        channel: "console",
        basis: "数据来源单位更正",
        caseNo: null,
        fields: [
          { field: "penalty_content", from: "罚款 2 万元", to: "罚款 1.5 万元" },
          { field: "fine_amount", from: 2, to: 1.5 },
        ],
      },
    ]);
    const [p] = (await provenanceOf("penalty", [id])).values();
    expect(p).toMatchObject({ source: "表单录入局", channel: "console" });
    expect(p?.history[0]?.text).toMatch(/^更正：处罚内容由 罚款 2 万元 改为 罚款 1.5 万元/);
  });

  it("a file that changes a record is a 更正 by 批量导入; the same file again changes nothing", async () => {
    const { csv } = penaltyCsv(6, { prefix: "赣同源" });
    const changed = csv.replace("未按规定公示年度报告", "未按规定报送年度报告");
    for (const [job, file] of [
      [2, changed],
      [3, changed],
    ] as const) {
      writeFileSync(join(dir, `${job}.csv`), file);
      await db.exec(
        `INSERT INTO import_jobs (id, department_id, user_id, kind, mode, file_name, file_size, format, encoding)
         VALUES ($1, 2, 2, 'penalty', 'keep_good', 'same.csv', $2, 'csv', 'utf-8')`,
        [job, file.length],
      );
      await runImport(db.db, job, { importDir: dir, today: TODAY, thresholdWan: 1, maxRows: 1000 });
    }
    const changes = await history(await first(2));
    expect(changes).toEqual([
      {
        action: "corrected",
        channel: "import",
        basis: "数据来源单位更新",
        caseNo: null,
        fields: [{ field: "violation_type", from: "未按规定公示年度报告", to: "未按规定报送年度报告" }],
      },
    ]);
  });

  it("撤销 is named by its ground, never by the operator's own words", async () => {
    const id = (await first(1)) + 1;
    await withdrawRecord(
      { db: db.db, actor: operator(1, 1), meta, today: TODAY },
      { kind: "penalty", id, reason: "内部备注：张三说录错了" },
    );
    const changes = await history(id);
    expect(changes).toEqual([
      { action: "withdrawn", channel: "console", basis: "数据来源单位撤销", caseNo: null, fields: [] },
    ]);
    expect(JSON.stringify(changes)).not.toContain("张三");
  });

  it("a natural person's record: which text changed, never what it said (DOMAIN §2)", async () => {
    const [s] = await db.exec(
      "INSERT INTO subjects (public_id, kind, name, name_initials) VALUES ('pprov1', 'natural_person', '欧阳某', 'oym') RETURNING id",
    );
    const [p] = await db.exec(
      `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
         source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, public_until,
         repairable_from, disclosable, fine_amount)
       SELECT $1, '欧阳某', 'natural_person', '赣人罚〔2026〕1号', '2026-10-01', 1, 1, '无证经营', '欧阳某在南昌市无证经营',
         '条例', '{罚款}', '罚款 2 万元', '2027-01-01', '2027-01-01', true, 2 RETURNING id`,
      [s?.id],
    );
    const id = Number(p?.id);
    await db.exec(
      "UPDATE penalties SET violation_facts = '欧阳某在九江市无证经营', fine_amount = 1 WHERE id = $1",
      [id],
    );
    const changes = await history(id);
    expect(changes[0]?.fields).toEqual([
      { field: "violation_facts" },
      { field: "fine_amount", from: expect.anything(), to: expect.anything() },
    ]);
    expect(JSON.stringify(changes)).not.toContain("欧阳");
    // a change made outside any service is still kept, as the platform's own
    expect(changes[0]?.channel).toBe("system");
  });

  it("a change to no public field (核实中, disclosability) writes no change", async () => {
    const id = (await first(1)) + 2;
    await db.exec("UPDATE penalties SET under_verification = true, remarks = '内部' WHERE id = $1", [id]);
    expect(await history(id)).toEqual([]);
  });

  it("the JSON export carries each record's receipt, channel and history", async () => {
    const dataset = getDataset("penalties");
    const rows = (await dataset?.batch(0, TODAY, 100)) ?? [];
    const edited = rows.find((r) => Number(r.id) === 1) ?? rows[0];
    expect(edited).toMatchObject({
      channel: "信用信息系统录入",
      receivedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(rows.some((r) => Array.isArray(r.history) && r.history.length > 0)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { parseRecordQuery, type RecordQuery } from "@/lib/records/disclosure-filters";
import { penaltyPublicityWindow } from "@/lib/records/publicity";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import { listPenalties } from "./disclosure";

let db: TestDatabase;
const TODAY = "2026-12-05";
const USCC = withUsccCheckChar("91360100MAE2EDQ01");

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await db.exec("INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province')");
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'a', '江西省市场监督管理局', '省市场监管局', '11360000MB1A2C3D0X', '360000', 'province'),
     (2, 'b', '江西省生态环境厅', '省生态环境厅', '11360000MB1A2C3E0X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO subjects (id, public_id, kind, uscc, name) VALUES
     (1, 'p1', 'legal_person', $1, '洪城样例食品有限公司（演示）'),
     (2, 'p2', 'legal_person', NULL, '赣江样例建材有限公司（演示）'),
     (3, 'p3', 'natural_person', NULL, '欧阳样例')`,
    [USCC],
  );
  const w = penaltyPublicityWindow("2026-10-01", "general");
  for (const [id, subject, dept, no] of [
    [1, 1, 1, "洪市监罚〔2026〕11号"],
    [2, 2, 2, "赣环罚〔2026〕12号"],
    [3, 3, 1, "洪市监罚〔2026〕13号"],
  ] as const)
    await db.exec(
      `INSERT INTO penalties (id, subject_id, counterpart_name, counterpart_category, decision_no, decision_date,
         authority_dept_id, source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content,
         fine_amount, severity, public_until, repairable_from, disclosable)
       VALUES ($1, $2, '样例', 'legal_entity', $3, '2026-10-01', $4, $4, '违法', '事实', '依据', '{罚款}', '罚款', 2,
         'general', $5, $6, true)`,
      [id, subject, no, dept, w.publicUntil, w.repairableFrom],
    );
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

const found = async (typed: string) => {
  const query = parseRecordQuery(typed) as RecordQuery;
  return (await listPenalties({ query, page: 1, today: TODAY })).rows.map((r) => r.decisionNo);
};

describe("/penalties filtered by name, USCC or 文号 (issue 21)", () => {
  it("finds a decision by its 文号, whichever department made it", async () => {
    expect(await found("赣环罚〔2026〕12号")).toEqual(["赣环罚〔2026〕12号"]);
    expect(await found("洪市监罚〔2026〕99号")).toEqual([]);
  });
  it("finds a company's decisions by words of its name or by its USCC typed in lower case", async () => {
    expect(await found("样例食品")).toEqual(["洪市监罚〔2026〕11号"]);
    expect(await found(USCC.toLowerCase())).toEqual(["洪市监罚〔2026〕11号"]);
  });
  it("never finds a natural person by name (DOMAIN §2)", async () => {
    expect(await found("欧阳样例")).toEqual([]);
    expect(await found("样例")).toEqual(["赣环罚〔2026〕12号", "洪市监罚〔2026〕11号"]);
  });
});

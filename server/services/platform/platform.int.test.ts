import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { publishedListEntry } from "@/db/testing/list-entry";
import { seriousWagePenalty } from "@/db/testing/penalty";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { govCommitmentStanding } from "@/lib/platform/government";
import { checkUscc, withUsccCheckChar } from "@/lib/subjects/uscc";
import { forgetCalendar } from "../../calendar";
import { keyRoute } from "../../http/key-route";
import { listPenalties } from "../../queries/disclosure";
import { getDataset } from "../../queries/exports";
import { governmentLists } from "../../queries/government";
import { getSubjectProfile } from "../../queries/profile";
import { qualityBoard, qualityRows, usccRate } from "../../queries/quality";
import { removeListEntry } from "../cases/list-decisions";
import { decideObjection, submitObjection } from "../cases/objections";
import { queueCheckFeedbackReminders } from "../notify/digest";
import { classifyCatalogueItem } from "./catalogue";
import {
  recordGovCommitment,
  recordGovDishonesty,
  setGovCommitmentStatus,
  settleGovDishonesty,
} from "./government";
import { authorisedQuery, registerInstitution, withdrawInstitution } from "./institutions";
import { giveCheckFeedback, runJointCheck } from "./joint-checks";
import { saveMeasure } from "./measures";

let db: TestDatabase;
const TODAY = "2026-12-02";
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const sysadmin = testActor({ id: 1, departmentId: 1, role: "sysadmin" });
const reviewer = testActor({ id: 2, departmentId: 1, role: "reviewer" });
const ctx = (actor = sysadmin) => ({ db: db.db, actor, meta, today: TODAY });
const LISTED = withUsccCheckChar("91360100MA3CAXE01");
const CLEAN = withUsccCheckChar("91360100MA3CAXE02");
const BANK = withUsccCheckChar("91360000MA35D8K21");
const checker = (deptId = 1) => ({
  db: db.db,
  meta,
  today: TODAY,
  by: { deptId, keyId: null, userId: 2, name: "u2" },
});
const profileOf = (uscc: string) =>
  getSubjectProfile({ code: { kind: "uscc", code: uscc, canonical: true }, today: TODAY });
let entryId = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetCalendar();
  await insertProvinceDepartment(db);
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level)
     VALUES (2, 'czt', '江西省财政厅', '省财政厅', '11360000MB7654321X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES
       (1, 'p1', 'legal_person', $1, '赣江样例建筑有限公司（演示）', '360000'),
       (2, 'p2', 'legal_person', $2, '抚河样例商贸有限公司（演示）', '360000')`,
    [LISTED, CLEAN],
  );
  await db.exec(
    `INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES
       (1, 'admin', '管理员', 'x', 1, '360000'), (2, 'rev', '审核员', 'x', 1, '360000'), (3, 'op', '录入员', 'x', 1, '360000')`,
  );
  await seriousWagePenalty(db, {
    subjectId: 1,
    name: "赣江样例建筑有限公司（演示）",
    decisionNo: "赣市监罚〔2026〕1号",
  });
  // a warning below the disclosure threshold: recorded, never public (DOMAIN §3)
  await db.exec(
    `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
       source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, severity,
       public_until, repairable_from, disclosable)
     VALUES (1, '赣江样例建筑有限公司（演示）', 'legal_entity', '赣市监简罚〔2026〕7号', '2026-10-01', 1, 1, '未亮照经营',
       '经营场所未悬挂营业执照。', '《市场主体登记管理条例》第三十六条', '{警告}', '警告', 'general', '2027-01-01', '2027-01-02', false)`,
  );
  entryId = await publishedListEntry(db, {
    subjectId: 1,
    deptId: 1,
    createdBy: 3,
    today: TODAY,
    monthsAgo: 2,
    no: "赣信列〔2026〕1号",
  });
  await saveMeasure(ctx(), {
    code: "CJ-001",
    listKind: "serious_dishonesty",
    matter: "procurement",
    content: "依法限制参与政府采购活动",
    legalBasis: "《政府采购法》第二十二条",
    active: true,
  });
  await saveMeasure(ctx(), {
    code: "CJ-002",
    listKind: "serious_dishonesty",
    matter: "bidding",
    content: "限制参与投标",
    legalBasis: "《招标投标法实施条例》",
    active: true,
  });
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.close();
});

describe("联合奖惩核查 (issue 23 §1)", () => {
  it("a subject on the serious-dishonesty list gets the catalogue's punishment measures for 政府采购, an unlisted one none", async () => {
    const r = await runJointCheck(checker(), { uscc: LISTED, matter: "procurement" });
    expect(r.measures.map((m) => [m.code, m.effect])).toEqual([["CJ-001", "punishment"]]);
    expect(r.checkNo).toMatch(/^LH20261202\d{6}$/);
    expect(r.feedbackDueOn).toBe("2026-12-16");
    expect((await runJointCheck(checker(), { uscc: CLEAN, matter: "procurement" })).measures).toEqual([]);
  });

  it("none while an objection to the entry is 核实中", async () => {
    const o = await submitObjection(
      { db: db.db, meta, today: TODAY },
      {
        targetType: "list_entry",
        targetId: entryId,
        name: "赣江公司",
        contact: "13907910000",
        reason: "列入所依据的处罚已申请复议。",
        submissionKey: randomUUID(),
      },
      [],
    );
    const [row] = await db.exec("SELECT id FROM objections WHERE case_no = $1", [o.caseNo]);
    await decideObjection(ctx(reviewer), { id: Number(row?.id), event: "verify" });
    const during = await runJointCheck(checker(), { uscc: LISTED, matter: "procurement" });
    expect(during.measures).toEqual([]);
    expect(during.underVerification).toHaveLength(1);
    await decideObjection(ctx(reviewer), {
      id: Number(row?.id),
      event: "uphold",
      note: "复议维持原处罚决定。",
    });
    expect((await runJointCheck(checker(), { uscc: LISTED, matter: "procurement" })).measures).toHaveLength(
      1,
    );
  });

  it("feedback by the checking department once; another department's, a second, an unknown USCC or matter: refused and audited", async () => {
    const r = await runJointCheck(checker(), { uscc: LISTED, matter: "procurement" });
    const measureId = r.measures[0]?.measureId ?? 0;
    await expect(
      giveCheckFeedback(checker(2), { checkId: r.checkId, applied: [measureId], note: "" }),
    ).rejects.toThrow(/不是本部门/);
    await giveCheckFeedback(checker(), { checkId: r.checkId, applied: [measureId], note: "" });
    await expect(
      giveCheckFeedback(checker(), { checkId: r.checkId, applied: [measureId], note: "" }),
    ).rejects.toThrow(/不能重复反馈/);
    await expect(
      runJointCheck(checker(), { uscc: withUsccCheckChar("91360100MA3CAXE77"), matter: "procurement" }),
    ).rejects.toThrow(/没有统一社会信用代码/);
    await expect(runJointCheck(checker(), { uscc: LISTED, matter: "lottery" })).rejects.toThrow(
      /不在措施清单的事项中/,
    );
    const refused = await db.exec(
      "SELECT action FROM audit_log WHERE action IN ('check.refused', 'check.feedback_refused') ORDER BY id",
    );
    expect(refused.map((a) => a.action)).toEqual([
      "check.feedback_refused",
      "check.feedback_refused",
      "check.refused",
      "check.refused",
    ]);
  });

  it("an officer whose check still awaits feedback near its deadline is reminded once a day through the outbox", async () => {
    const later = "2026-12-15";
    const n = await queueCheckFeedbackReminders(db.db, { today: later });
    expect(n).toBeGreaterThan(0);
    const [m] = await db.exec(
      "SELECT template, payload->>'count' AS count FROM outbox WHERE recipient_user_id = 2 AND template = 'check_feedback_due'",
    );
    expect(m?.template).toBe("check_feedback_due");
    expect(await queueCheckFeedbackReminders(db.db, { today: later })).toBe(0);
  });

  it("and none after the entry's 移出", async () => {
    await db.db.transaction((tx) =>
      removeListEntry(
        tx,
        { actor: reviewer, meta, today: TODAY },
        { entry: entryId, reason: "repaired", note: "信用修复完成" },
      ),
    );
    expect((await runJointCheck(checker(), { uscc: LISTED, matter: "procurement" })).measures).toEqual([]);
  });
});

describe("the resource catalogue is the one rule of every surface (issue 23 §3)", () => {
  it("an item made 内部 leaves the profile, the list API, the export and the detail at once; 公开 brings it back", async () => {
    const penaltiesOnProfile = async () =>
      (await profileOf(LISTED))?.penalties.map((p) => p.decisionNo) ?? [];
    const listed = async () => (await listPenalties({ today: TODAY, page: 1 })).rows.map((r) => r.decisionNo);
    const exported = async () =>
      (await getDataset("penalties")?.batch(0, TODAY, 100))?.map((r) => r.decisionNo) ?? [];
    expect(await penaltiesOnProfile()).toEqual(["赣市监罚〔2026〕1号"]);
    expect(await listed()).toContain("赣市监罚〔2026〕1号");
    expect(await exported()).toContain("赣市监罚〔2026〕1号");
    const narrow = {
      deptId: 1,
      dataClass: "penalty" as const,
      classification: "internal" as const,
      frequency: "daily" as const,
      fields: "",
      confirmNarrowing: false,
    };
    await expect(classifyCatalogueItem(ctx(), narrow)).rejects.toThrow(/1 条记录.*立即撤下/);
    expect(await penaltiesOnProfile()).toHaveLength(1);
    await classifyCatalogueItem(ctx(), { ...narrow, confirmNarrowing: true });
    expect(await penaltiesOnProfile()).toEqual([]);
    expect(await listed()).toEqual([]);
    expect(await exported()).toEqual([]);
    await classifyCatalogueItem(ctx(), { ...narrow, classification: "public" });
    expect(await penaltiesOnProfile()).toHaveLength(1);
    const audited = await db.exec(
      "SELECT action, outcome FROM audit_log WHERE entity_type = 'catalogue_item' ORDER BY id",
    );
    expect(audited.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "catalogue.refused:denied",
      "catalogue.classify:success",
      "catalogue.classify:success",
    ]);
  });

  it("a class the law keeps from the public cannot be made 公开", async () => {
    await expect(
      classifyCatalogueItem(ctx(), {
        deptId: 1,
        dataClass: "penalty_undisclosed",
        classification: "public",
        frequency: "daily",
        fields: "",
        confirmNarrowing: true,
      }),
    ).rejects.toThrow(/依法不予公示/);
  });
});

describe("authorised query access (issue 23 §2)", () => {
  const route = keyRoute(
    { scope: "query", body: z.object({ uscc: z.string(), purpose: z.string() }) },
    async (c) => Response.json(await authorisedQuery(c, c.body)),
  );
  const call = (key: string, body: unknown) =>
    route(
      new Request("http://localhost/api/v1/queries", {
        method: "POST",
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "x-forwarded-for": "198.51.100.4",
        },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
  let key = "";

  it("an institution's key reads the 授权查询 item within scope, logged for the subject; the public view has none of it", async () => {
    key = await registerInstitution(ctx(), {
      name: "江西样例银行股份有限公司",
      kind: "bank",
      uscc: BANK,
      authorisationNo: "赣信用授〔2026〕9号",
      authorisedUntil: "2027-12-31",
      dataClasses: ["penalty_undisclosed"],
      purposes: ["loan"],
    });
    const res = await call(key, { uscc: LISTED, purpose: "loan" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      authorised: { decisionNo: string; dataClass: string }[];
      profile: { penalties: { decisionNo: string }[] };
    };
    expect(body.authorised.map((r) => [r.dataClass, r.decisionNo])).toEqual([
      ["penalty_undisclosed", "赣市监简罚〔2026〕7号"],
    ]);
    expect(body.profile.penalties.map((p) => p.decisionNo)).not.toContain("赣市监简罚〔2026〕7号");
    expect((await profileOf(LISTED))?.penalties.map((p) => p.decisionNo)).not.toContain(
      "赣市监简罚〔2026〕7号",
    );
    const logged = await db.exec("SELECT purpose, data_classes FROM authorised_queries WHERE subject_id = 1");
    expect(logged).toEqual([{ purpose: "loan", data_classes: ["penalty_undisclosed"] }]);
  });

  it("an 内部 item is read by no institution", async () => {
    await classifyCatalogueItem(ctx(), {
      deptId: 1,
      dataClass: "penalty_undisclosed",
      classification: "internal",
      frequency: "daily",
      fields: "",
      confirmNarrowing: true,
    });
    const body = (await (await call(key, { uscc: LISTED, purpose: "loan" })).json()) as {
      authorised: unknown[];
    };
    expect(body.authorised).toEqual([]);
  });

  it("a purpose outside the authorisation, a department key, and a key after withdrawal are refused and audited", async () => {
    const out = await call(key, { uscc: LISTED, purpose: "tender" });
    expect(out.status).toBe(403);
    expect(((await out.json()) as { error: { message: string } }).error.message).toMatch(
      /授权范围不含查询用途/,
    );
    const [inst] = await db.exec("SELECT id FROM institutions WHERE uscc = $1", [BANK]);
    await withdrawInstitution(ctx(), { id: Number(inst?.id) });
    expect((await call(key, { uscc: LISTED, purpose: "loan" })).status).toBe(401);
    const audit = await db.exec(
      "SELECT action FROM audit_log WHERE action IN ('query.refused', 'api_key.refused') ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(["query.refused", "api_key.refused"]);
  });
});

describe("data-quality board (issue 23 §4)", () => {
  it("the database's uscc_valid agrees with lib's GB 32100 check, and a wrong check character counts as 错码", async () => {
    const good = [
      LISTED,
      CLEAN,
      BANK,
      withUsccCheckChar("12360000MB0123456"),
      withUsccCheckChar("92360100MA3CAXE0Y"),
    ];
    const bad = good.map((c) => `${c.slice(0, 17)}${c.endsWith("0") ? "1" : "0"}`);
    for (const code of [...good, ...bad]) {
      const [r] = await db.exec("SELECT uscc_valid($1) AS ok", [code]);
      expect([code, r?.ok]).toEqual([code, checkUscc(code).valid]);
    }
    const before = await usccRate();
    await db.exec(
      "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES (9, 'p9', 'legal_person', $1, '存量错码样例公司（演示）', '360000')",
      [bad[0]],
    );
    expect((await usccRate()).errors).toBe(before.errors + 1);
  });

  it("each figure of the board opens on exactly the records it counts, each flagged for its own fault", async () => {
    // put online on 2026-11-20 for a decision of 2026-10-09: far past 7 working days, and no legal representative
    await db.exec(
      `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
         source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, fine_amount, severity,
         public_until, repairable_from, disclosable, created_at)
       VALUES (2, '抚河样例商贸有限公司（演示）', 'legal_entity', '赣财罚〔2026〕3号', '2026-10-09', 2, 2, '未按规定开具发票',
         '销售商品未按规定开具发票。', '《中华人民共和国发票管理办法》第三十五条', '{罚款}', '罚款人民币五千元', 5000,
         'general', '2027-11-20', '2027-02-20', true, '2026-11-20 10:00+08')`,
    );
    const board = await qualityBoard({ today: TODAY });
    const cell = board.cells.find((c) => c.deptId === 2 && c.month === "2026-11");
    expect(cell).toMatchObject({ total: 1, timely: 0, complete: 0, valid: 1, usccFaults: 0 });
    const rows = (figure: "late" | "incomplete" | "invalid" | "uscc") =>
      qualityRows({ deptId: 2, month: "2026-11", figure });
    const late = await rows("late");
    expect(late.map((r) => [r.decisionNo, r.onlineOn])).toEqual([["赣财罚〔2026〕3号", "2026-11-20"]]);
    expect((late[0]?.due ?? "9999-12-31") < "2026-11-20").toBe(true);
    expect((await rows("incomplete")).map((r) => r.legalRepresentative)).toEqual([null]);
    expect(await rows("invalid")).toEqual([]);
    expect(await rows("uscc")).toEqual([]);
  });
});

describe("政务诚信 (issue 23 §6)", () => {
  const ORGAN = withUsccCheckChar("11360100MB0123456");
  const operator = testActor({ id: 3, departmentId: 1, role: "operator" });

  it("an organ's promise and its dishonesty show in its profile and on the public list until settled", async () => {
    await db.exec(
      "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES (20, 'p20', 'government', $1, '样例县自然资源局（演示）', '360000')",
      [ORGAN],
    );
    await expect(
      recordGovCommitment(ctx(operator), {
        uscc: LISTED,
        title: "按期交地",
        content: "签约后十二个月内净地交付。",
        counterparty: "样例企业",
        madeOn: "2026-01-05",
        dueOn: "2026-11-30",
      }),
    ).rejects.toThrow(/机关或事业单位/);
    const promise = await recordGovCommitment(ctx(operator), {
      uscc: ORGAN,
      title: "出让地块按期净地交付",
      content: "签约后十二个月内完成征收和平整，净地交付受让企业。",
      counterparty: "样例新材料有限公司（演示）",
      madeOn: "2025-11-20",
      dueOn: "2026-11-20",
    });
    const debt = await recordGovDishonesty(ctx(operator), {
      uscc: ORGAN,
      kind: "arrears",
      description: "拖欠中小企业工程款，经判决后逾期未履行。",
      amount: "86.40",
      documentNo: "（2026）赣0102执321号",
      decidedOn: "2026-10-12",
    });
    const g = (await profileOf(ORGAN))?.government;
    expect(g?.promises.map((p) => p.id)).toEqual([promise]);
    expect(govCommitmentStanding(g?.promises[0] ?? { status: "in_progress", dueOn: null }, TODAY)).toBe(
      "逾期未履约",
    );
    expect((await governmentLists({ today: TODAY })).dishonesty.map((d) => d.id)).toEqual([debt]);
    await expect(settleGovDishonesty(ctx(operator), { id: debt, settledOn: "2026-10-01" })).rejects.toThrow(
      /早于认定/,
    );
    await settleGovDishonesty(ctx(operator), { id: debt, settledOn: "2026-11-30" });
    expect((await governmentLists({ today: TODAY })).dishonesty).toEqual([]);
    // kept in the organ's history, settled
    expect((await profileOf(ORGAN))?.government?.dishonesty[0]?.settledOn).toBe("2026-11-30");
    await setGovCommitmentStatus(ctx(operator), {
      id: promise,
      status: "breached",
      note: "逾期未交地，经约谈仍未整改。",
    });
    await expect(
      setGovCommitmentStatus(ctx(operator), { id: promise, status: "fulfilled", note: "补认定" }),
    ).rejects.toThrow(/已认定履约情况/);
    expect((await profileOf(LISTED))?.government).toBeNull();
  });
});

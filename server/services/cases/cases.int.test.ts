import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { checkedPdf } from "@/db/testing/case-file";
import { publishedListEntry } from "@/db/testing/list-entry";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { ACTIVATION_REFUSED } from "@/lib/access/activation-code";
import { addDays } from "@/lib/calendar/dates";
import { penaltyPublicityWindow } from "@/lib/records/publicity";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import type { CurrentUser } from "../../auth/guard";
import { listCurrentTemplates } from "../../queries/business";
import {
  activateBusiness,
  issueActivationCode,
  registerBusiness,
  rejectRegistration,
} from "../business-accounts";
import { deliverDue } from "../notify/deliver";
import { recordPaperService } from "../notify/paper-service";
import { markMessageRead } from "../notify/read-message";
import { decideCommitment, saveCommitmentTemplate, submitCommitment } from "./commitments";
import { decideListing } from "./list-decisions";
import { applyForRepair, decideRepair } from "./repairs";

let db: TestDatabase;
const TODAY = "2026-12-02";
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const operator = testActor({ id: 1, departmentId: 1, role: "operator" });
const reviewerA = testActor({ id: 2, departmentId: 1, role: "reviewer" });
const reviewerB = testActor({ id: 3, departmentId: 1, role: "reviewer" });
const business = (id: number, subjectId: number): CurrentUser => ({
  ...testActor({ id, departmentId: 0, role: "business" }),
  departmentId: null,
  subjectId,
});
const mine = business(4, 1);
const other = business(5, 2);
const ctx = (actor: CurrentUser, today = TODAY) => ({ db: db.db, actor, meta, today });
const proof = () => [checkedPdf("缴款凭证.pdf")];
/** What the case-files directory holds now (the test run's own, vitest.config.ts). */
const storedFiles = () => {
  const dir = process.env.CASE_FILES_DIR ?? "";
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};
const count = async (sql: string, params: unknown[] = []) => Number((await db.exec(sql, params))[0]?.n);

let penaltyId = 0;
let recentPenaltyId = 0;
let ownPenaltyId = 0;

async function penalty(no: string, daysAgo: number, createdBy: number) {
  const decision = addDays(TODAY, -daysAgo);
  const w = penaltyPublicityWindow(decision, "general");
  const [row] = await db.exec(
    `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
       source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, fine_amount, severity,
       public_until, repairable_from, disclosable, created_by)
     VALUES (1, '赣江样例有限公司（演示）', 'legal_entity', $1, $2, 1, 1, '未按规定公示年度报告', '事实', '依据', '{罚款}', '罚款', 2,
       'general', $3, $4, true, $5) RETURNING id`,
    [no, decision, w.publicUntil, w.repairableFrom, createdBy],
  );
  return Number(row?.id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await db.exec(
    "INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')",
  );
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'prov', '江西省市场监督管理局', '省市场监管局', '11360000MB1234567X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES
     (1, 'p1', 'legal_person', $1, '赣江样例有限公司（演示）', '360100'),
     (2, 'p2', 'legal_person', $2, '抚河样例有限公司（演示）', '360100'),
     (3, 'p3', 'legal_person', $3, '章江样例有限公司（演示）', '360100')`,
    [
      withUsccCheckChar("91360100MA3CAXE01"),
      withUsccCheckChar("91360100MA3CAXE02"),
      withUsccCheckChar("91360100MA3CAXE03"),
    ],
  );
  for (const u of [operator, reviewerA, reviewerB, mine, other])
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code, subject_id) VALUES ($1, $2, $3, 'x', $4, '360000', $5)",
      [u.id, u.username, u.displayName, u.departmentId, u.subjectId],
    );
  await db.exec("SELECT setval(pg_get_serial_sequence('users', 'id'), 10)");
  await db.exec(
    `INSERT INTO commitment_templates (id, series_id, type, title, body, fields) VALUES
     (1, 1, 'voluntary', '主动公开信用承诺书', '本单位承诺在{field}依法经营。', '[{"key":"field","label":"经营领域"}]'),
     (2, 2, 'repair', '信用修复承诺书', '本单位已履行{decision}确定的法定义务。', '[{"key":"decision","label":"决定书文号"}]')`,
  );
  penaltyId = await penalty("洪罚〔2026〕1号", 200, operator.id);
  recentPenaltyId = await penalty("洪罚〔2026〕2号", 30, operator.id);
  ownPenaltyId = await penalty("洪罚〔2026〕3号", 200, reviewerA.id);
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

const commitmentInput = (submissionKey = randomUUID()) => ({
  templateId: 1,
  deptId: 1,
  specifics: { field: "食品经营" },
  signerName: "样例代表",
  submissionKey,
});

const repairInput = (targetId: number, submissionKey = randomUUID()) => ({
  targetType: "penalty" as const,
  targetId,
  statement: "已缴清罚款并完成整改。",
  contactName: "李经办",
  phone: "13907910000",
  signerName: "样例代表",
  submissionKey,
});

describe("commitments (DOMAIN §6, issue 11 §2)", () => {
  it("a double submission of one form makes one commitment and one audit row", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([
      submitCommitment(ctx(mine), commitmentInput(key)),
      submitCommitment(ctx(mine), commitmentInput(key)),
    ]).catch(async () => [
      await submitCommitment(ctx(mine), commitmentInput(key)),
      await submitCommitment(ctx(mine), commitmentInput(key)),
    ]);
    expect(a?.id).toBe(b?.id);
    expect(await count("SELECT count(*) AS n FROM commitments WHERE submission_key = $1", [key])).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'commitment.submit' AND entity_id = $1",
        [String(a?.id)],
      ),
    ).toBe(1);
    const [row] = await db.exec("SELECT content FROM commitments WHERE id = $1", [a?.id]);
    expect(row?.content).toBe("本单位承诺在食品经营依法经营。");
  });

  it("two reviewers deciding one commitment at once leave exactly one decision and one audit row", async () => {
    const { id } = await submitCommitment(ctx(mine), commitmentInput());
    const outcomes = await Promise.allSettled([
      decideCommitment(ctx(reviewerA), { id, event: "approve", expected: "submitted" }),
      decideCommitment(ctx(reviewerB), { id, event: "return", expected: "submitted", note: "缺少履约期限" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action IN ('commitment.approve', 'commitment.return') AND entity_id = $1",
        [String(id)],
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM case_events WHERE commitment_id = $1 AND from_status = 'submitted'",
        [id],
      ),
    ).toBe(1);
  });

  it("a stale form acting on a commitment that moved meanwhile is refused and changes nothing", async () => {
    const { id } = await submitCommitment(ctx(mine), commitmentInput());
    await decideCommitment(ctx(reviewerA), { id, event: "approve", expected: "submitted" });
    await expect(
      decideCommitment(ctx(reviewerB), { id, event: "return", expected: "submitted", note: "x" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("当前状态：履约中"),
    });
    const [row] = await db.exec("SELECT status, fulfilment FROM commitments WHERE id = $1", [id]);
    expect(row).toMatchObject({ status: "approved", fulfilment: "in_progress" });
  });

  it("a 违诺 gets its own publicity dates, like a 一般失信 record from the finding", async () => {
    const { id } = await submitCommitment(ctx(mine), commitmentInput());
    await decideCommitment(ctx(reviewerA), { id, event: "approve" });
    await expect(decideCommitment(ctx(reviewerA), { id, event: "breach" })).rejects.toMatchObject({
      code: "invalid",
    });
    await decideCommitment(ctx(reviewerA), { id, event: "breach", note: "未按期补齐材料" });
    const [row] = await db.exec(
      "SELECT breached_on::text, breach_public_until::text, breach_repairable_from::text FROM commitments WHERE id = $1",
      [id],
    );
    expect(row).toEqual({
      breached_on: TODAY,
      breach_public_until: "2027-12-02",
      breach_repairable_from: "2027-03-03",
    });
  });

  it("another department's reviewer is answered as if the commitment did not exist", async () => {
    const { id } = await submitCommitment(ctx(mine), commitmentInput());
    const stranger = testActor({ id: 3, departmentId: 2, role: "reviewer" });
    await expect(decideCommitment(ctx(stranger), { id, event: "approve" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("credit repair (DOMAIN §7, issue 11 §4)", () => {
  it("is refused at once, with the date it becomes possible, before the minimum publicity period", async () => {
    await expect(applyForRepair(ctx(mine), repairInput(recentPenaltyId), proof())).rejects.toMatchObject({
      code: "invalid",
      // decided 2026-11-02: 3 months end on 2027-02-02, so the application is possible from the day after
      message: expect.stringContaining("2027-02-03 起方可申请信用修复"),
    });
    expect(
      await count("SELECT count(*) AS n FROM repair_cases WHERE target_id = $1", [recentPenaltyId]),
    ).toBe(0);
  });

  it("files after decisions (issue 21 §8): a refused application stores no file at all", async () => {
    const before = storedFiles();
    await expect(applyForRepair(ctx(mine), repairInput(recentPenaltyId), proof())).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(applyForRepair(ctx(other), repairInput(penaltyId), proof())).rejects.toMatchObject({
      code: "not_found",
    });
    expect(storedFiles()).toEqual(before);
  });

  it("a company applying for another company's record is answered as not found, nothing written", async () => {
    await expect(applyForRepair(ctx(other), repairInput(penaltyId), proof())).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await count("SELECT count(*) AS n FROM repair_cases")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM commitments WHERE type = 'repair'")).toBe(0);
  });

  it("the reviewer who entered the record may not decide its repair (four eyes)", async () => {
    const { id } = await applyForRepair(ctx(mine), repairInput(ownPenaltyId), proof());
    await expect(decideRepair(ctx(reviewerA), { id, event: "accept" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await decideRepair(ctx(reviewerB), { id, event: "accept" });
  });

  it("two decisions at once on one repair leave exactly one decision and one audit row", async () => {
    const { id } = await applyForRepair(ctx(mine), repairInput(penaltyId), proof());
    // a second application for the same record while this one is open is refused
    await expect(applyForRepair(ctx(mine), repairInput(penaltyId), proof())).rejects.toMatchObject({
      code: "conflict",
    });
    const outcomes = await Promise.allSettled([
      decideRepair(ctx(reviewerA), { id, event: "accept", expected: "submitted" }),
      decideRepair(ctx(reviewerB), { id, event: "not_accept", expected: "submitted", note: "材料不全" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action IN ('repair.accept', 'repair.not_accept') AND entity_id = $1",
        [String(id)],
      ),
    ).toBe(1);
  });

  it("不予受理 (papers incomplete) does not hold a new application back; 不予修复 blocks the record for 6 months (DOMAIN §7)", async () => {
    const target = await penalty("洪罚〔2026〕5号", 200, operator.id);
    const first = await applyForRepair(ctx(mine), repairInput(target), proof());
    await decideRepair(ctx(reviewerA), { id: first.id, event: "not_accept", note: "缺少缴款凭证" });
    // complete papers the same day: accepted as a new application
    const second = await applyForRepair(ctx(mine), repairInput(target), proof());
    await decideRepair(ctx(reviewerA), { id: second.id, event: "accept" });
    await decideRepair(ctx(reviewerA), { id: second.id, event: "deny", note: "尚未完成整改" });
    await expect(applyForRepair(ctx(mine), repairInput(target), proof())).rejects.toMatchObject({
      message: expect.stringContaining("经审核不予修复，6 个月内不能再次申请；2027-06-02 起可再次申请"),
    });
    expect(await count("SELECT count(*) AS n FROM repair_cases WHERE target_id = $1", [target])).toBe(2);
  });

  it("同意修复 takes the penalty out of public view in the same transaction and the signed commitment takes effect", async () => {
    const target = await penalty("洪罚〔2026〕4号", 150, operator.id);
    const { id } = await applyForRepair(ctx(mine), repairInput(target), proof());
    await decideRepair(ctx(reviewerA), { id, event: "accept" });
    await decideRepair(ctx(reviewerA), { id, event: "approve" });
    const [p] = await db.exec("SELECT status, repaired_at::text AS on FROM penalties WHERE id = $1", [
      target,
    ]);
    expect(p).toEqual({ status: "repaired", on: TODAY });
    const [pledge] = await db.exec(
      "SELECT c.status FROM commitments c JOIN repair_cases r ON r.commitment_id = c.id WHERE r.id = $1",
      [id],
    );
    expect(pledge?.status).toBe("approved");
  });
});

describe("who is told of a repair (issue 22 §4)", () => {
  it("each reviewer step reaches the company's account; the decision is a notice, served when it is read there", async () => {
    const target = await penalty("洪罚〔2026〕22号", 200, operator.id);
    await db.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'reviewer') ON CONFLICT DO NOTHING", [
      reviewerA.id,
    ]);
    const { id, caseNo } = await applyForRepair(ctx(mine), repairInput(target), proof());
    // the department's reviewers learn of the new case in their queue
    expect(
      await db.exec("SELECT template, recipient_user_id AS u FROM outbox WHERE dedupe_key LIKE $1", [
        `repairs:${id}:submitted|%`,
      ]),
    ).toEqual([{ template: "case_queued", u: reviewerA.id }]);
    await decideRepair(ctx(reviewerA), { id, event: "accept" });
    await decideRepair(ctx(reviewerA), { id, event: "approve" });
    const told = await db.exec(
      "SELECT template, recipient_user_id AS u, payload->>'stateLabel' AS label, notice_id FROM outbox WHERE dedupe_key LIKE $1 AND template = 'case_step' ORDER BY id",
      [`repairs:${id}:%`],
    );
    expect(told.map((t) => [t.template, t.u, t.label])).toEqual([
      ["case_step", mine.id, "已受理"],
      ["case_step", mine.id, "同意修复"],
    ]);
    expect(told[0]?.notice_id).toBeNull();
    const noticeId = told[1]?.notice_id;
    expect(
      await db.exec("SELECT kind::text AS kind, case_no, served_on FROM notices WHERE id = $1", [noticeId]),
    ).toEqual([{ kind: "repair_decision", case_no: caseNo, served_on: null }]);
    await deliverDue(db.db, {
      senders: { email: () => Promise.reject(new Error("-")), sms: () => Promise.reject(new Error("-")) },
    });
    const [m] = await db.exec("SELECT id FROM inbox_messages WHERE notice_id = $1", [noticeId]);
    await markMessageRead(ctx(mine, "2026-12-03"), { id: Number(m?.id) });
    expect(
      await db.exec(
        "SELECT served_on::text AS served_on, service_method::text AS method FROM notices WHERE id = $1",
        [noticeId],
      ),
    ).toEqual([{ served_on: "2026-12-03", method: "portal" }]);
    // another account cannot read it, and reading again changes nothing
    await markMessageRead(ctx(other), { id: Number(m?.id) });
    await markMessageRead(ctx(mine, "2026-12-04"), { id: Number(m?.id) });
    expect((await db.exec("SELECT served_on::text AS d FROM notices WHERE id = $1", [noticeId]))[0]?.d).toBe(
      "2026-12-03",
    );
  });

  it("a repair decision served on paper: an officer of the department records it with the scan", async () => {
    const target = await penalty("洪罚〔2026〕23号", 200, operator.id);
    const { id } = await applyForRepair(ctx(mine), repairInput(target), proof());
    await decideRepair(ctx(reviewerA), { id, event: "not_accept", note: "缺少缴款凭证" });
    const input = {
      caseType: "repairs" as const,
      caseId: id,
      method: "post" as const,
      servedOn: TODAY,
      note: "EMS 1234",
    };
    await expect(recordPaperService(ctx(mine), input, proof())).rejects.toMatchObject({ code: "forbidden" });
    await recordPaperService(ctx(reviewerA), input, proof());
    expect(
      await db.exec(
        `SELECT n.service_method::text AS method, n.served_on::text AS served_on, f.kind::text AS scan, f.repair_case_id::int AS r
           FROM notices n JOIN case_files f ON f.id = n.scan_file_id WHERE n.case_type = 'repairs' AND n.case_id = $1`,
        [id],
      ),
    ).toEqual([{ method: "post", served_on: TODAY, scan: "service", r: id }]);
    await expect(recordPaperService(ctx(reviewerA), input, proof())).rejects.toMatchObject({
      message: `信用修复决定已于 ${TODAY} 送达，无需再次登记。`,
    });
  });
});

describe("a repair ends a list entry through the list-decision machine (issue 21 §1)", () => {
  const listRepair = (targetId: number) => ({
    targetType: "list_entry" as const,
    targetId,
    statement: "已足额支付拖欠工资，并完成整改。",
    contactName: "李经办",
    phone: "13907910000",
    signerName: "样例代表",
    submissionKey: randomUUID(),
  });
  const entry = (no: string) =>
    publishedListEntry(db, {
      subjectId: 1,
      deptId: 1,
      createdBy: operator.id,
      today: TODAY,
      monthsAgo: 13,
      no,
    });
  const entryRow = (id: number) =>
    db.exec(
      "SELECT status, removal_reason, removal_note, removed_on::text AS removed_on FROM list_entries WHERE id = $1",
      [id],
    );
  const history = (id: number) =>
    db.exec("SELECT step, document_no, note FROM list_entry_events WHERE entry_id = $1 ORDER BY id", [id]);
  const removals = (id: number) =>
    count("SELECT count(*) AS n FROM audit_log WHERE action = 'list.remove' AND entity_id = $1", [
      String(id),
    ]);

  it("同意修复 fires 移出 on the entry: its history shows 移出 with the repair's number, its audit row the reason", async () => {
    const target = await entry("赣人社失信〔2025〕1号");
    const { id, caseNo } = await applyForRepair(ctx(mine), listRepair(target), proof());
    await decideRepair(ctx(reviewerA), { id, event: "accept" });
    await decideRepair(ctx(reviewerA), { id, event: "approve", expected: "accepted" });
    expect((await entryRow(target))[0]).toEqual({
      status: "removed",
      removal_reason: "repaired",
      removal_note: `信用修复（${caseNo}）`,
      removed_on: TODAY,
    });
    expect((await history(target)).at(-1)).toEqual({
      step: "removed",
      document_no: caseNo,
      note: `信用修复（${caseNo}）`,
    });
    const [audit] = await db.exec(
      "SELECT actor_id, before, after FROM audit_log WHERE action = 'list.remove' AND entity_id = $1",
      [String(target)],
    );
    expect(audit).toMatchObject({
      actor_id: reviewerA.id,
      before: { state: "published" },
      after: { state: "removed", reason: "repaired", by: caseNo },
    });
  });

  it("a stale second approval from another tab is refused, and the entry is removed once", async () => {
    const target = await entry("赣人社失信〔2025〕2号");
    const { id } = await applyForRepair(ctx(mine), listRepair(target), proof());
    await decideRepair(ctx(reviewerA), { id, event: "accept" });
    const tabs = await Promise.allSettled([
      decideRepair(ctx(reviewerA), { id, event: "approve", expected: "accepted" }),
      decideRepair(ctx(reviewerB), { id, event: "approve", expected: "accepted" }),
    ]);
    expect(tabs.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    await expect(
      decideRepair(ctx(reviewerB), { id, event: "approve", expected: "accepted" }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("同意修复") });
    expect(await removals(target)).toBe(1);
    expect((await history(target)).filter((h) => h.step === "removed")).toHaveLength(1);
  });

  it("an entry already taken off its list refuses the approval by the machine's state, and the repair stays open", async () => {
    const target = await entry("赣人社失信〔2025〕3号");
    const { id } = await applyForRepair(ctx(mine), listRepair(target), proof());
    await decideRepair(ctx(reviewerA), { id, event: "accept" });
    await decideListing(ctx(reviewerB), {
      id: target,
      event: "remove",
      reason: "revoked",
      note: "认定依据已撤销",
    });
    await expect(decideRepair(ctx(reviewerA), { id, event: "approve" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("已移出"),
    });
    const [r] = await db.exec("SELECT status FROM repair_cases WHERE id = $1", [id]);
    expect(r?.status).toBe("accepted");
    expect((await entryRow(target))[0]).toMatchObject({ removal_reason: "revoked" });
  });
});

describe("business accounts (issue 11 §1)", () => {
  const uscc = withUsccCheckChar("91360100MA3CAXE03");

  it("a wrong registered name is refused and audited; the right one makes a pending account", async () => {
    await expect(
      registerBusiness(db.db, meta, {
        uscc,
        name: "章江有限公司",
        contactName: "王",
        phone: "13900000000",
        password: "Business#2026",
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("登记名称不一致") });
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'business.register' AND outcome = 'denied' AND entity_id = '3'",
      ),
    ).toBe(1);
    await registerBusiness(db.db, meta, {
      uscc,
      name: "章江样例有限公司（演示）",
      contactName: "王",
      phone: "13900000000",
      password: "Business#2026",
    });
    // issue 20 N7: a registration claims nothing — no account exists until a code activates it
    expect(await db.exec("SELECT id FROM users WHERE username = $1", [uscc])).toEqual([]);
    expect(
      await count(
        "SELECT count(*) AS n FROM business_registrations WHERE subject_id = 3 AND status = 'pending'",
      ),
    ).toBe(1);
  });

  it("an expired code is refused and audited; a valid one activates once", async () => {
    const issuedLongAgo = new Date(Date.now() - 8 * 86_400_000);
    const old = await issueActivationCode(ctx(operator), { subjectId: 3, now: issuedLongAgo });
    await expect(
      activateBusiness(db.db, meta, { uscc, password: "Business#2026", code: old.code }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("已过期"),
    });
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'business.activate' AND outcome = 'denied'",
      ),
    ).toBe(1);
    const fresh = await issueActivationCode(ctx(operator), { subjectId: 3 });
    await activateBusiness(db.db, meta, { uscc, password: "Business#2026", code: fresh.code });
    const [u] = await db.exec("SELECT status FROM users WHERE username = $1", [uscc]);
    expect(u?.status).toBe("active");
    await expect(
      activateBusiness(db.db, meta, { uscc, password: "Business#2026", code: fresh.code }),
    ).rejects.toMatchObject({
      code: "invalid",
    });
  });
});

describe("registrations claim nothing (issue 20 N7, N14)", () => {
  const uscc = withUsccCheckChar("91360100MA3CAXE05");
  beforeAll(() =>
    db.exec(
      "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES (5, 'p5', 'legal_person', $1, '抚河新区样例有限公司（演示）', '360100')",
      [uscc],
    ),
  );
  const from = (ip: string) => ({ ip, userAgent: "vitest" });
  const register = (contactName: string, password: string, ip = "198.51.100.7") =>
    registerBusiness(db.db, from(ip), {
      uscc,
      name: "抚河新区样例有限公司（演示）",
      contactName,
      phone: "13900000001",
      password,
    });
  const activate = (password: string, code: string, ip = "203.0.113.50") =>
    activateBusiness(db.db, from(ip), { uscc, password, code });

  it("a squatter who registers first takes nothing: the company registers, activates with its code, and the squatter's request ends", async () => {
    const squatter = await register("冒名者", "Squatter#2026", "198.51.100.8");
    const company = await register("经办人 李", "Company#2026");
    expect(company).toEqual(squatter);
    const { code } = await issueActivationCode(ctx(operator), { subjectId: 5 });
    // the squatter has no code: their own registration waits and activates nothing
    const before = await activate("Squatter#2026", "AAAA-AAAA", "198.51.100.8").catch(
      (e: Error) => e.message,
    );
    expect(before).toMatch(/激活码不正确/);
    expect(await db.exec("SELECT id FROM users WHERE subject_id = 5")).toEqual([]);
    await activate("Company#2026", code);
    const [u] = await db.exec("SELECT status, display_name FROM users WHERE subject_id = 5");
    expect(u).toEqual({ status: "active", display_name: "经办人 李" });
    const left = await db.exec(
      "SELECT contact_name, status::text AS status FROM business_registrations WHERE subject_id = 5 ORDER BY id",
    );
    expect(left).toEqual([
      { contact_name: "冒名者", status: "rejected" },
      { contact_name: "经办人 李", status: "activated" },
    ]);
    // registration and activation answer the same now that the account exists
    expect(await register("又一人", "Another#2026", "198.51.100.9")).toEqual(company);
    const after = await activate("Another#2026", "AAAA-AAAA", "198.51.100.9").catch((e: Error) => e.message);
    expect(after).toBe(before);
    await expect(activate("Company#2026", code, "198.51.100.11")).rejects.toThrow(ACTIVATION_REFUSED);
  });

  it("a regulator rejects a registration; activation failures lock the subject's activation for that address only", async () => {
    const other = withUsccCheckChar("91360100MA3CAXE04");
    await db.exec(
      "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES (4, 'p4', 'legal_person', $1, '赣江新区样例有限公司（演示）', '360100')",
      [other],
    );
    const reg = (contactName: string, password: string, ip: string) =>
      registerBusiness(db.db, from(ip), {
        uscc: other,
        name: "赣江新区样例有限公司（演示）",
        contactName,
        phone: "13900000002",
        password,
      });
    const act = (password: string, code: string, ip: string) =>
      activateBusiness(db.db, from(ip), { uscc: other, password, code });
    await reg("冒名者二", "Squatter#2026", "198.51.100.10");
    const [r] = await db.exec("SELECT id FROM business_registrations WHERE subject_id = 4");
    await rejectRegistration(ctx(operator), { id: Number(r?.id), reason: "经核实非本企业经办人" });
    expect(
      (
        await db.exec("SELECT status::text AS status, reason FROM business_registrations WHERE id = $1", [
          r?.id,
        ])
      )[0],
    ).toEqual({ status: "rejected", reason: "经核实非本企业经办人" });
    const { code } = await issueActivationCode(ctx(operator), { subjectId: 4 });
    await expect(act("Squatter#2026", code, "198.51.100.10")).rejects.toThrow(ACTIVATION_REFUSED);
    // five guesses from one address lock that address out, however right the sixth; another address is heard
    await reg("经办人 赵", "Company#2027", "203.0.113.52");
    for (let i = 0; i < 5; i++)
      await expect(act("Company#2027", "BBBB-BBBB", "198.51.100.66")).rejects.toMatchObject({
        code: "invalid",
      });
    await expect(act("Company#2027", code, "198.51.100.66")).rejects.toThrow(ACTIVATION_REFUSED);
    await act("Company#2027", code, "203.0.113.51");
    expect((await db.exec("SELECT status FROM users WHERE subject_id = 4"))[0]).toEqual({ status: "active" });
  });
});

describe("who keeps a commitment template (issue 20 N10)", () => {
  const cityReviewer = testActor({ id: 9, departmentId: 1, role: "reviewer", regionCode: "360100" });
  beforeAll(async () => {
    await db.exec("SELECT setval(pg_get_serial_sequence('commitment_templates', 'id'), 10)");
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (9, 'u9', '南昌审核员', 'x', 1, '360100')",
    );
  });
  const templateRows = (seriesId: number) =>
    db.exec(
      "SELECT version, retired_at IS NULL AS current, scope_region_code FROM commitment_templates WHERE series_id = $1 ORDER BY version",
      [seriesId],
    );
  const repairEdit = {
    seriesId: 2,
    type: "repair" as const,
    title: "信用修复承诺书",
    body: "本单位已履行{decision}确定的全部法定义务，并承诺不再发生同类行为。",
    fields: [{ key: "decision", label: "决定书文号" }],
  };

  it("a city reviewer cannot rewrite the province's 信用修复承诺书; nothing is written", async () => {
    const before = await templateRows(2);
    await expect(saveCommitmentTemplate(ctx(cityReviewer), repairEdit)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await templateRows(2)).toEqual(before);
  });

  it("a province-level reviewer can, and a city reviewer's own template is the city's, signed only by its companies", async () => {
    expect(await saveCommitmentTemplate(ctx(reviewerA), repairEdit)).toMatchObject({ version: 2 });
    const { id } = await saveCommitmentTemplate(ctx(cityReviewer), {
      type: "voluntary",
      title: "南昌市诚信经营承诺书",
      body: "本单位承诺在{field}诚信经营。",
      fields: [{ key: "field", label: "经营领域" }],
    });
    expect(
      (await db.exec("SELECT scope_region_code FROM commitment_templates WHERE id = $1", [id]))[0],
    ).toEqual({
      scope_region_code: "360100",
    });
    // a company of another city does not get it, and cannot sign it
    await db.exec(
      "INSERT INTO regions (code, name, level) VALUES ('360700', '赣州市', 'city') ON CONFLICT DO NOTHING",
    );
    await db.exec("UPDATE subjects SET region_code = '360700' WHERE id = 2");
    expect((await listCurrentTemplates({ subjectId: 2 })).map((t) => t.id)).not.toContain(id);
    expect((await listCurrentTemplates({ subjectId: 1 })).map((t) => t.id)).toContain(id);
    await expect(
      submitCommitment(ctx(other), {
        ...commitmentInput(),
        templateId: id,
        specifics: { field: "餐饮服务" },
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await db.exec("UPDATE subjects SET region_code = '360100' WHERE id = 2");
  });
});

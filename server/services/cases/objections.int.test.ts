import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { checkedPdf } from "@/db/testing/case-file";
import { publishedListEntry } from "@/db/testing/list-entry";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { addDays } from "@/lib/calendar/dates";
import { penaltyPublicityWindow } from "@/lib/records/publicity";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import type { CheckedCaseFile } from "@/server/case-files";
import type { CurrentUser } from "../../auth/guard";
import { forgetCalendar } from "../../calendar";
import { hashTrackingSecret } from "../../credentials/tracking-secret";
import { AppError } from "../../errors";
import { trackObjection } from "../../queries/objections";
import { getSubjectProfile } from "../../queries/profile";
import { searchSubjects } from "../../queries/search";
import { setCalendarDay } from "../manage-calendar";
import { deliverDue } from "../notify/deliver";
import {
  decideObjection,
  NO_SUCH_OBJECTION,
  type ObjectionInput,
  submitObjection,
  supplementObjection,
} from "./objections";

let db: TestDatabase;
/** a Wednesday: 15 working days later (no holidays in the calendar) is Wednesday 2026-12-23 */
const TODAY = "2026-12-02";
const ANSWER_DUE = "2026-12-23";
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const operator = testActor({ id: 1, departmentId: 1, role: "operator" });
const reviewerA = testActor({ id: 2, departmentId: 1, role: "reviewer" });
const reviewerB = testActor({ id: 3, departmentId: 1, role: "reviewer" });
const otherDeptReviewer = testActor({ id: 4, departmentId: 2, role: "reviewer" });
const sysadmin = testActor({ id: 5, departmentId: 1, role: "sysadmin" });
const ctx = (actor: CurrentUser, today = TODAY) => ({ db: db.db, actor, meta, today });
const publicCtx = () => ({ db: db.db, meta, today: TODAY });

const USCC = {
  plain: withUsccCheckChar("91360100MA3CAXE01"),
  graded: withUsccCheckChar("91360100MA3CAXE02"),
  revoked: withUsccCheckChar("91360100MA3CAXE03"),
};
const SUBJECT = { plain: 1, graded: 2, revoked: 3 } as const;

const count = async (sql: string, params: unknown[] = []) => Number((await db.exec(sql, params))[0]?.n);
const row = async (sql: string, params: unknown[] = []) => (await db.exec(sql, params))[0];

let penaltyNo = 0;
/** A publicly shown penalty (decided 200 days ago) of department 1, entered by `createdBy`. */
async function penalty(
  o: {
    subjectId?: number;
    severity?: "general" | "serious";
    createdBy?: number;
    status?: "active" | "withdrawn";
  } = {},
) {
  const { subjectId = SUBJECT.plain, severity = "general", createdBy = operator.id, status = "active" } = o;
  const decision = addDays(TODAY, -200);
  const w = penaltyPublicityWindow(decision, severity);
  const [r] = await db.exec(
    `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
       source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, fine_amount, severity,
       public_until, repairable_from, disclosable, status, created_by)
     VALUES ($1, '样例有限公司（演示）', 'legal_entity', $2, $3, 1, 1, '未按规定公示年度报告', '未按期报送2025年度报告', '《企业信息公示暂行条例》第八条',
       '{罚款}', '罚款2万元', 2, $4, $5, $6, true, $7, $8) RETURNING id`,
    [
      subjectId,
      `洪罚〔2026〕${++penaltyNo}号`,
      decision,
      severity,
      w.publicUntil,
      w.repairableFrom,
      status,
      createdBy,
    ],
  );
  return Number(r?.id);
}

const objectionInput = (targetId: number, o: Partial<ObjectionInput> = {}): ObjectionInput => ({
  targetType: "penalty",
  targetId,
  name: "张异议",
  contact: "13907910000",
  reason: "该处罚已于决定后撤销，不应公示。",
  submissionKey: randomUUID(),
  ...o,
});

/** Submits an objection that must open a new case, and returns its id and receipt. */
async function openObjection(targetId: number, o: Partial<ObjectionInput> = {}) {
  const receipt = await submitObjection(publicCtx(), objectionInput(targetId, o), []);
  if (receipt.kind !== "new") throw new Error(`expected a new objection, got ${receipt.kind}`);
  const r = await row("SELECT id FROM objections WHERE case_no = $1", [receipt.caseNo]);
  return { id: Number(r?.id), ...receipt };
}

/** A stored evidence file as the action hands it over (the file itself is not needed by the service). */
const evidence = () => checkedPdf();

const penaltyRow = (id: number) =>
  row("SELECT status, under_verification, violation_facts FROM penalties WHERE id = $1", [id]);
const objectionRow = (id: number) =>
  row(
    "SELECT status, answer_due_on::text AS answer_due_on, outcome_reason, correction FROM objections WHERE id = $1",
    [id],
  );
const profile = async (uscc: string) => {
  const p = await getSubjectProfile({ code: { kind: "uscc", code: uscc, canonical: true }, today: TODAY });
  if (!p) throw new Error(`no profile for ${uscc}`);
  return p;
};
const searchHit = async (uscc: string) => {
  const r = await searchSubjects({ q: uscc, today: TODAY });
  if (r.status !== "ok" || r.hits.length !== 1) throw new Error(`search for ${uscc} found no single hit`);
  return r.hits[0];
};

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetCalendar();
  await db.exec(
    "INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')",
  );
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'prov', '江西省市场监督管理局', '省市场监管局', '11360000MB1234567X', '360000', 'province'),
     (2, 'tax', '江西省税务局', '省税务局', '11360000MB7654321X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES
     (1, 'p1', 'legal_person', $1, '赣江样例有限公司（演示）', '360100'),
     (2, 'p2', 'legal_person', $2, '抚河样例有限公司（演示）', '360100'),
     (3, 'p3', 'legal_person', $3, '章江样例有限公司（演示）', '360100')`,
    [USCC.plain, USCC.graded, USCC.revoked],
  );
  for (const u of [operator, reviewerA, reviewerB, otherDeptReviewer, sysadmin])
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES ($1, $2, $3, 'x', $4, '360000')",
      [u.id, u.username, u.displayName, u.departmentId],
    );
});
afterAll(async () => {
  serveQueriesFrom(null);
  forgetCalendar();
  await db.dispose();
});

describe("objections (DOMAIN §8, issue 14 §1)", () => {
  it("§1.1 anyone objects to a shown penalty: a YY case, due in 15 working days, tracked only with its secret", async () => {
    const target = await penalty();
    const receipt = await submitObjection(publicCtx(), objectionInput(target), []);
    if (receipt.kind !== "new") throw new Error(`expected a new objection, got ${receipt.kind}`);
    expect(receipt.caseNo).toMatch(/^YY20261202\d{6}$/);
    expect(receipt.answerDueOn).toBe(ANSWER_DUE);
    expect(receipt.secret).toEqual(expect.any(String));

    const stored = await row(
      `SELECT status, answer_due_on::text AS answer_due_on, submitted_on::text AS submitted_on, secret_hash, subject_id, dept_id
       FROM objections WHERE case_no = $1`,
      [receipt.caseNo],
    );
    expect(stored).toMatchObject({
      status: "submitted",
      answer_due_on: ANSWER_DUE,
      submitted_on: TODAY,
      dept_id: 1,
    });
    expect(Number(stored?.subject_id)).toBe(SUBJECT.plain);
    // the secret is kept only as its hash
    expect(stored?.secret_hash).toBe(hashTrackingSecret(receipt.secret));
    expect(stored?.secret_hash).not.toContain(receipt.secret);

    const tracked = await trackObjection(receipt.caseNo, hashTrackingSecret(receipt.secret), TODAY);
    expect(tracked).toMatchObject({ caseNo: receipt.caseNo, state: "submitted", final: false });
    expect(tracked?.due).toMatchObject({ due: ANSWER_DUE, overdue: false });

    expect(await trackObjection(receipt.caseNo, hashTrackingSecret(`${receipt.secret}X`), TODAY)).toBeNull();
    expect(await trackObjection("YY20261202999999", hashTrackingSecret(receipt.secret), TODAY)).toBeNull();
  });

  it("§1.2 an objection to a record not shown (a withdrawn penalty) is refused in Chinese, audited, nothing written", async () => {
    const withdrawn = await penalty({ status: "withdrawn" });
    const refusal = submitObjection(publicCtx(), objectionInput(withdrawn), []);
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(
      await count("SELECT count(*) AS n FROM objections WHERE target_type = 'penalty' AND target_id = $1", [
        withdrawn,
      ]),
    ).toBe(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'objection.refused' AND entity_type = 'penalty' AND entity_id = $1",
        [String(withdrawn)],
      ),
    ).toBe(1);
  });

  it("§1.3 / issue 20 N9: another objection from the same contact is a case of its own and learns nothing of the first", async () => {
    const target = await penalty();
    const first = await openObjection(target, { contact: "13907912345" });
    const eventsBefore = await count("SELECT count(*) AS n FROM case_events WHERE objection_id = $1", [
      first.id,
    ]);
    const stranger = await submitObjection(
      publicCtx(),
      objectionInput(target, {
        name: "冒名者",
        contact: "+86 139 0791 2345",
        reason: "冒名者写入的理由不应出现在原案。",
      }),
      [],
    );
    expect(stranger.kind).toBe("new");
    expect(stranger.caseNo).not.toBe(first.caseNo);
    expect(JSON.stringify(stranger)).not.toContain(first.caseNo);
    expect(await count("SELECT count(*) AS n FROM case_events WHERE objection_id = $1", [first.id])).toBe(
      eventsBefore,
    );
    expect(
      await count("SELECT count(*) AS n FROM objections WHERE target_type = 'penalty' AND target_id = $1", [
        target,
      ]),
    ).toBe(2);
  });

  it("issue 20 N9: material is added to a case only with its number and secret; a closed case takes none", async () => {
    const target = await penalty();
    const mine = await openObjection(target);
    const add = (caseNo: string, secret: string, files: CheckedCaseFile[] = []) =>
      supplementObjection(
        { db: db.db, meta },
        { caseNo, secretHash: hashTrackingSecret(secret), text: "补充：附上行政复议决定书。" },
        files,
      );
    await expect(add(mine.caseNo, "AAAA-AAAA-AAAA")).rejects.toMatchObject({ code: "not_found" });
    await expect(add("YY20261202999999", mine.secret)).rejects.toThrow(NO_SUCH_OBJECTION);
    const joined = () =>
      count("SELECT count(*) AS n FROM case_events WHERE objection_id = $1 AND to_status = 'joined'", [
        mine.id,
      ]);
    expect(await joined()).toBe(0);
    await add(mine.caseNo, mine.secret.toLowerCase(), [evidence()]);
    expect(await joined()).toBe(1);
    expect(await count("SELECT count(*) AS n FROM case_files WHERE objection_id = $1", [mine.id])).toBe(1);
    await decideObjection(ctx(reviewerA), { id: mine.id, event: "verify", expected: "submitted" });
    await decideObjection(ctx(reviewerB), {
      id: mine.id,
      event: "uphold",
      expected: "verifying",
      note: "经核实，记录无误，予以维持。",
    });
    await expect(add(mine.caseNo, mine.secret)).rejects.toMatchObject({ code: "conflict" });
    expect(await joined()).toBe(1);
  });

  it("§1.4 the same form sent twice (same submission key) gives the same case, one row", async () => {
    const target = await penalty();
    const submissionKey = randomUUID();
    const first = await submitObjection(publicCtx(), objectionInput(target, { submissionKey }), []);
    const again = await submitObjection(publicCtx(), objectionInput(target, { submissionKey }), []);
    expect(first.kind).toBe("new");
    expect(again).toMatchObject({ kind: "duplicate", caseNo: first.caseNo });
    expect(again).not.toHaveProperty("secret");
    expect(
      await count("SELECT count(*) AS n FROM objections WHERE submission_key = $1", [submissionKey]),
    ).toBe(1);
  });

  it("§1.5 开始核实 marks the penalty 核实中 and takes it out of the grade; 维持 (with a reason) counts it again", async () => {
    const target = await penalty({ subjectId: SUBJECT.graded, severity: "serious" });
    // one public 严重 penalty: 100 − 20 = 80, grade B
    expect((await profile(USCC.graded)).grade).toMatchObject({ score: 80, grade: "B" });
    expect((await searchHit(USCC.graded))?.grade).toBe("B");

    const { id } = await openObjection(target);
    await decideObjection(ctx(reviewerA), { id, event: "verify", expected: "submitted" });
    expect(await penaltyRow(target)).toMatchObject({ under_verification: true });
    expect(await objectionRow(id)).toMatchObject({ status: "verifying" });
    const verifying = await profile(USCC.graded);
    // still shown, but graded as if it were not there
    expect(verifying.penalties.map((p) => p.id)).toContain(target);
    expect(verifying.grade).toMatchObject({ score: 100, grade: "A" });
    const hit = await searchHit(USCC.graded);
    expect(hit?.grade).toBe("A");
    expect(hit?.flags.underVerification).toBe(true);

    await expect(decideObjection(ctx(reviewerA), { id, event: "uphold" })).rejects.toMatchObject({
      code: "invalid",
    });
    await decideObjection(ctx(reviewerA), { id, event: "uphold", note: "经核实，处罚决定合法有效。" });
    expect(await objectionRow(id)).toMatchObject({
      status: "upheld",
      outcome_reason: "经核实，处罚决定合法有效。",
    });
    expect(await penaltyRow(target)).toMatchObject({ status: "active", under_verification: false });
    expect((await profile(USCC.graded)).grade).toMatchObject({ score: 80, grade: "B" });
    const after = await searchHit(USCC.graded);
    expect(after?.grade).toBe("B");
    expect(after?.flags.underVerification).toBe(false);
  });

  it("§1.6 the reviewer who entered the record may not verify it (four eyes), nor another department's reviewer", async () => {
    const target = await penalty({ createdBy: reviewerA.id });
    const { id } = await openObjection(target);
    await expect(decideObjection(ctx(reviewerA), { id, event: "verify" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(decideObjection(ctx(otherDeptReviewer), { id, event: "verify" })).rejects.toBeInstanceOf(
      AppError,
    );
    expect(await objectionRow(id)).toMatchObject({ status: "submitted" });
    expect(await penaltyRow(target)).toMatchObject({ under_verification: false });
    expect(await count("SELECT count(*) AS n FROM case_events WHERE objection_id = $1", [id])).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'objection.verify' AND entity_id = $1",
        [String(id)],
      ),
    ).toBe(0);
    // another reviewer of the department may
    await decideObjection(ctx(reviewerB), { id, event: "verify" });
    expect(await objectionRow(id)).toMatchObject({ status: "verifying" });
  });

  it("§1.7 更正 writes the corrected facts to the penalty, audited with before and after; a 更正 changing nothing is refused", async () => {
    const target = await penalty();
    const { id } = await openObjection(target);
    await decideObjection(ctx(reviewerB), { id, event: "verify" });
    const original = String((await penaltyRow(target))?.violation_facts);

    await expect(
      decideObjection(ctx(reviewerB), { id, event: "correct", correction: { violationFacts: original } }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await objectionRow(id)).toMatchObject({ status: "verifying", correction: null });

    const corrected = "未按期报送2025年度报告，已于决定前补报";
    await decideObjection(ctx(reviewerB), {
      id,
      event: "correct",
      correction: { violationFacts: corrected },
    });
    expect(await penaltyRow(target)).toMatchObject({ violation_facts: corrected, under_verification: false });
    const closed = await objectionRow(id);
    expect(closed?.status).toBe("corrected");
    expect(closed?.correction).toEqual(expect.stringContaining("违法事实"));
    const audit = await row(
      "SELECT before, after FROM audit_log WHERE action = 'record.update' AND entity_type = 'penalty' AND entity_id = $1",
      [String(target)],
    );
    expect(audit?.before).toEqual({ violationFacts: original });
    expect(audit?.after).toMatchObject({ violationFacts: corrected });
    // the record's public history names the objection that corrected it (issue 25 §2); the refused try left none
    const changes = await db.exec(
      "SELECT action, channel, basis, case_no FROM record_changes WHERE record_kind = 'penalty' AND record_id = $1",
      [target],
    );
    const [objection] = await db.exec("SELECT case_no FROM objections WHERE id = $1", [id]);
    expect(changes).toEqual([
      { action: "corrected", channel: "console", basis: "异议核实", case_no: objection?.case_no },
    ]);
  });

  it("§1.8 撤销 needs a reason; with one the penalty is withdrawn and leaves the public profile", async () => {
    const target = await penalty({ subjectId: SUBJECT.revoked });
    expect((await profile(USCC.revoked)).penalties.map((p) => p.id)).toContain(target);
    const { id } = await openObjection(target);
    await decideObjection(ctx(reviewerB), { id, event: "verify" });

    await expect(decideObjection(ctx(reviewerB), { id, event: "revoke", note: "  " })).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await penaltyRow(target)).toMatchObject({ status: "active" });
    expect(await objectionRow(id)).toMatchObject({ status: "verifying" });

    await decideObjection(ctx(reviewerB), { id, event: "revoke", note: "处罚决定已被复议撤销。" });
    expect(await penaltyRow(target)).toMatchObject({ status: "withdrawn" });
    expect(await objectionRow(id)).toMatchObject({
      status: "revoked",
      outcome_reason: "处罚决定已被复议撤销。",
    });
    expect((await profile(USCC.revoked)).penalties.map((p) => p.id)).not.toContain(target);
  });

  it("issue 22 §4: the objector is told each step by the contact it left; the outcome is a notice, served by the gateway", async () => {
    const target = await penalty();
    const { id, caseNo } = await openObjection(target, { contact: "+86 139-0791-7777" });
    await decideObjection(ctx(reviewerB), { id, event: "verify" });
    await decideObjection(ctx(reviewerB), { id, event: "uphold", note: "处罚事实清楚，维持原记录。" });
    const told = await db.exec(
      "SELECT channel::text AS channel, address, template, notice_id FROM outbox WHERE dedupe_key LIKE $1 ORDER BY id",
      [`objections:${id}:%`],
    );
    expect(told.map((t) => [t.channel, t.address, t.template])).toEqual([
      ["sms", "13907917777", "public_step"],
      ["sms", "13907917777", "public_step"],
      ["sms", "13907917777", "public_step"],
    ]);
    // the last one carries the outcome notice, not yet served
    expect(told.slice(0, 2).every((t) => t.notice_id === null)).toBe(true);
    expect(
      await row("SELECT kind::text AS kind, case_no, served_on FROM notices WHERE id = $1", [
        told[2]?.notice_id,
      ]),
    ).toEqual({ kind: "objection_outcome", case_no: caseNo, served_on: null });
    const senders = {
      email: () => Promise.reject(new Error("no e-mail")),
      sms: async () => ({ answer: '200 {"messageId":"gw-9"}', proves: true }),
    };
    await deliverDue(db.db, {
      senders,
      now: () => new Date(Date.now() + 86_400_000 - (Date.now() % 86_400_000) + 3 * 3_600_000),
    });
    expect(
      await row("SELECT service_method::text AS method, service_note FROM notices WHERE id = $1", [
        told[2]?.notice_id,
      ]),
    ).toEqual({ method: "sms", service_note: expect.stringContaining("13907917777") });
  });

  it("issue 22 §4: an objector's landline can receive nothing: the steps are written for the case page only", async () => {
    const target = await penalty();
    const { id } = await openObjection(target, { contact: "0791-88886666" });
    expect(
      await count("SELECT count(*) AS n FROM outbox WHERE dedupe_key LIKE $1", [`objections:${id}:%`]),
    ).toBe(0);
  });

  it("issue 21 §1: 撤销 of a list entry fires the list-decision machine's 移出 in the same transaction", async () => {
    const target = await publishedListEntry(db, {
      subjectId: SUBJECT.revoked,
      deptId: 1,
      createdBy: operator.id,
      today: TODAY,
      monthsAgo: 2,
      no: "赣市监失信〔2026〕9号",
    });
    const { id, caseNo } = await openObjection(target, { targetType: "list_entry" });
    await decideObjection(ctx(reviewerB), { id, event: "verify" });
    expect(await row("SELECT under_verification FROM list_entries WHERE id = $1", [target])).toEqual({
      under_verification: true,
    });
    await decideObjection(ctx(reviewerB), { id, event: "revoke", note: "认定依据的处罚已被撤销。" });
    const why = `异议核实后撤销（${caseNo}）：认定依据的处罚已被撤销。`;
    expect(
      await row(
        "SELECT status, removal_reason, removal_note, under_verification FROM list_entries WHERE id = $1",
        [target],
      ),
    ).toEqual({ status: "removed", removal_reason: "revoked", removal_note: why, under_verification: false });
    expect(
      await row(
        "SELECT step, document_no, note FROM list_entry_events WHERE entry_id = $1 ORDER BY id DESC LIMIT 1",
        [target],
      ),
    ).toEqual({ step: "removed", document_no: caseNo, note: why });
    expect(
      await row("SELECT before, after FROM audit_log WHERE action = 'list.remove' AND entity_id = $1", [
        String(target),
      ]),
    ).toMatchObject({
      before: { state: "published" },
      after: { state: "removed", reason: "revoked", by: caseNo },
    });
    expect(await objectionRow(id)).toMatchObject({ status: "revoked" });
  });

  it("§1.9 a holiday set before the due date moves an open objection's answer_due_on one working day later", async () => {
    const { id } = await openObjection(await penalty());
    expect(await objectionRow(id)).toMatchObject({ answer_due_on: ANSWER_DUE });
    // Thursday 2026-12-10, a working day between today and the due date, becomes a holiday
    await setCalendarDay(ctx(sysadmin), { date: "2026-12-10", kind: "holiday", name: "测试假日" });
    expect(await objectionRow(id)).toMatchObject({ answer_due_on: "2026-12-24" });
  });
});

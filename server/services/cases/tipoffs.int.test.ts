import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import { forgetCalendar } from "../../calendar";
import { hashTrackingSecret } from "../../credentials/tracking-secret";
import { getCaseDetail } from "../../queries/case-detail";
import { listCaseQueue } from "../../queries/cases";
import { setCalendarDay } from "../manage-calendar";
import { DECIDE } from "./registry";
import { submitTipoff, trackTipoff } from "./tipoffs";

let db: TestDatabase;
const TODAY = "2026-12-02";
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const reviewer = testActor({ id: 2, departmentId: 1, role: "reviewer" });
const otherReviewer = testActor({ id: 3, departmentId: 2, role: "reviewer" });
const USCC = withUsccCheckChar("91360100MA3CAXE01");
const ctx = (actor = reviewer) => ({ db: db.db, actor, meta, today: TODAY });
const pub = () => ({ db: db.db, meta, today: TODAY });

const input = (o: Partial<Parameters<typeof submitTipoff>[1]> = {}) => ({
  subject: { kind: "uscc" as const, code: USCC, canonical: true },
  deptId: 1,
  name: "王举报",
  contact: "13907912345",
  content: "该公司长期拖欠二十余名工人工资，合计约四十万元，多次讨要未果。",
  submissionKey: randomUUID(),
  ...o,
});

async function open(o: Partial<Parameters<typeof submitTipoff>[1]> = {}) {
  const r = await submitTipoff(pub(), input(o), []);
  if (r.kind !== "new") throw new Error("expected a new report");
  const [row] = await db.exec("SELECT id FROM tipoffs WHERE case_no = $1", [r.caseNo]);
  return { id: Number(row?.id), ...r };
}

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetCalendar();
  await insertProvinceDepartment(db);
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level)
     VALUES (2, 'rst', '江西省人力资源和社会保障厅', '省人社厅', '11360000MB7654321X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES
       (1, 'p1', 'legal_person', $1, '赣江样例建筑有限公司（演示）', '360000'),
       (2, 'pperson0000001', 'natural_person', NULL, '李四', '360000')`,
    [USCC],
  );
  await db.exec(
    `INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES
       (2, 'rev', '审核员', 'x', 1, '360000'), (3, 'rev2', '他部门审核员', 'x', 2, '360000')`,
  );
  await db.exec("INSERT INTO user_roles (user_id, role) VALUES (2, 'reviewer'), (3, 'reviewer')");
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.close();
});

describe("失信举报, a case kind registered once (issue 23 §5)", () => {
  it("a report joins the chosen department's queue with its answer deadline, and its reviewers are told", async () => {
    const t = await open();
    expect(t.caseNo).toMatch(/^JB20261202\d{6}$/);
    // 20 working days from Wednesday 2026-12-02 (the default setting)
    expect(t.answerDueOn).toBe("2026-12-30");
    const q = await listCaseQueue({ actor: reviewer, kind: "tipoffs", filters: { page: 1 }, today: TODAY });
    expect(q.rows.map((r) => r.title)).toContain(t.caseNo);
    const other = await listCaseQueue({
      actor: otherReviewer,
      kind: "tipoffs",
      filters: { page: 1 },
      today: TODAY,
    });
    expect(other.rows).toHaveLength(0);
    const told = await db.exec(
      "SELECT channel, template FROM outbox WHERE recipient_user_id = 2 AND template = 'case_queued'",
    );
    expect(told.length).toBeGreaterThan(0);
  });

  it("the reviewer accepts and finds it true through the one decision table; the reporter reads the answer", async () => {
    const t = await open();
    await DECIDE.tipoffs(ctx(), { id: t.id, event: "accept" });
    await expect(DECIDE.tipoffs(ctx(), { id: t.id, event: "substantiate" })).rejects.toThrow(
      /请填写查证情况/,
    );
    await DECIDE.tipoffs(ctx(), {
      id: t.id,
      event: "substantiate",
      note: "经现场核查，拖欠工资属实，已责令限期支付。",
    });
    const tr = await trackTipoff(db.db, t.caseNo, hashTrackingSecret(t.secret), TODAY);
    expect(tr).toMatchObject({ stateLabel: "查证属实", final: true, closedOn: TODAY });
    expect(tr?.history.map((h) => h.label)).toEqual(["已提交", "已受理", "查证属实"]);
    // the reporter is told at the contact left, each step
    const sms = await db.exec("SELECT template FROM outbox WHERE address = '13907912345' ORDER BY id");
    expect(sms.map((r) => r.template)).toEqual(expect.arrayContaining(["public_step"]));
    expect(await trackTipoff(db.db, t.caseNo, hashTrackingSecret("WRONGSECRET1"), TODAY)).toBeNull();
  });

  it("another department's reviewer cannot decide it; the company reported never opens it", async () => {
    const t = await open();
    await expect(DECIDE.tipoffs(ctx(otherReviewer), { id: t.id, event: "accept" })).rejects.toThrow(
      /管辖范围/,
    );
    const business = {
      ...testActor({ id: 9, departmentId: 1, role: "business" }),
      departmentId: null,
      subjectId: 1,
    };
    expect(await getCaseDetail({ viewer: business, kind: "tipoffs", id: t.id, today: TODAY })).toBeNull();
    const seen = await getCaseDetail({ viewer: reviewer, kind: "tipoffs", id: t.id, today: TODAY });
    expect(seen?.fields).toContainEqual(["举报人", "王举报"]);
  });

  it("a report about a natural person is accepted and shown masked to its reporter", async () => {
    const t = await open({ subject: { kind: "public_id", id: "pperson0000001" } });
    const tr = await trackTipoff(db.db, t.caseNo, hashTrackingSecret(t.secret), TODAY);
    expect(tr?.subject).not.toBe("李四");
    expect(tr?.subject).toMatch(/^李/);
  });

  it("a holiday declared before its deadline moves the answer deadline by a working day", async () => {
    const t = await open();
    const sysadmin = testActor({ id: 2, departmentId: 1, role: "sysadmin" });
    await setCalendarDay(ctx(sysadmin), { date: "2026-12-10", kind: "holiday", name: "测试假日" });
    const [row] = await db.exec("SELECT answer_due_on::text AS due FROM tipoffs WHERE id = $1", [t.id]);
    expect(row?.due).toBe("2026-12-31");
    await setCalendarDay(ctx(sysadmin), { date: "2026-12-10", kind: "normal", name: "" });
    forgetCalendar();
  });

  it("an unknown subject is refused with a clear answer and audited; the same form twice makes one case", async () => {
    await expect(
      submitTipoff(
        pub(),
        input({ subject: { kind: "uscc", code: withUsccCheckChar("91360100MA3CAXE99"), canonical: true } }),
        [],
      ),
    ).rejects.toThrow(/没有该主体的信用档案/);
    const [a] = await db.exec("SELECT count(*)::int AS n FROM audit_log WHERE action = 'tipoff.refused'");
    expect(a?.n).toBe(1);
    const key = randomUUID();
    const first = await submitTipoff(pub(), input({ submissionKey: key }), []);
    const again = await submitTipoff(pub(), input({ submissionKey: key }), []);
    expect(again).toEqual({ kind: "duplicate", caseNo: first.caseNo });
  });
});

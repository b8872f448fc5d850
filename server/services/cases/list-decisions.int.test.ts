import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { checkedPdf } from "@/db/testing/case-file";
import { seriousWagePenalty } from "@/db/testing/penalty";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { addDays, addMonths } from "@/lib/calendar/dates";
import type { ListKind } from "@/lib/records/list-kinds";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import { readCaseFile } from "@/server/case-files";
import type { CurrentUser } from "../../auth/guard";
import { forgetCalendar } from "../../calendar";
import { AppError } from "../../errors";
import { listDecisionQueue, listNoticesFor } from "../../queries/list-decisions";
import { listEntriesOf } from "../../queries/lists";
import { getSubjectProfile } from "../../queries/profile";
import { setListCompetence } from "../list-competence";
import { setCalendarDay } from "../manage-calendar";
import { recordPaperService } from "../notify/paper-service";
import {
  acknowledgeListNotice,
  decideListing,
  type ListDecisionInput,
  proposeListing,
  submitStatement,
} from "./list-decisions";

let db: TestDatabase;
/** a Wednesday: 5 working days later (no holidays in the calendar) is Wednesday 2026-12-09 */
const TODAY = "2026-12-02";
const DEADLINE = "2026-12-09";
/** the working day after the deadline */
const AFTER_DEADLINE = "2026-12-10";
/** 36 months (the policy default for both lists) from today, the last day being the day before */
const VALID_UNTIL = addDays(addMonths(TODAY, 36), -1);
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const operator = testActor({ id: 1, departmentId: 1, role: "operator" });
const reviewerA = testActor({ id: 2, departmentId: 1, role: "reviewer" });
const reviewerB = testActor({ id: 3, departmentId: 1, role: "reviewer" });
const otherDeptReviewer = testActor({ id: 4, departmentId: 2, role: "reviewer" });
const sysadmin = testActor({ id: 5, departmentId: 1, role: "sysadmin" });
/** an officer holding both roles: may propose and review, but never decide their own proposal */
const operatorReviewer: CurrentUser = {
  ...testActor({ id: 6, departmentId: 1, role: "operator" }),
  roles: ["operator", "reviewer"],
};
const ctx = (actor: CurrentUser, today = TODAY) => ({ db: db.db, actor, meta, today });

const LIST = { serious: 1, red: 2 } as const;
const SUBJECTS = 16;
const uscc = (subjectId: number) => withUsccCheckChar(`91360100MA3CAX${String(subjectId).padStart(3, "0")}`);
/** The business account of a subject (one per subject), id 100 + subject id. */
const businessOf = (subjectId: number): CurrentUser => ({
  ...testActor({ id: 100 + subjectId, departmentId: 0, role: "business" }),
  departmentId: null,
  subjectId,
});

const count = async (sql: string, params: unknown[] = []) => Number((await db.exec(sql, params))[0]?.n);
const row = async (sql: string, params: unknown[] = []) => (await db.exec(sql, params))[0];

const entryRow = (id: number) =>
  row(
    `SELECT status::text AS status, notice_date::text AS notice_date, statement_deadline::text AS statement_deadline,
            statement, statement_on::text AS statement_on, decision_date::text AS decision_date, decision_no,
            decision_reason, decided_by, valid_from::text AS valid_from, valid_until::text AS valid_until,
            removed_on::text AS removed_on, removal_reason::text AS removal_reason, removal_note, created_by
     FROM list_entries WHERE id = $1`,
    [id],
  );
const steps = async (id: number) =>
  (
    await db.exec("SELECT step::text AS step FROM list_entry_events WHERE entry_id = $1 ORDER BY id", [id])
  ).map((r) => String(r.step));
const audits = (action: string, id: number) =>
  count(
    "SELECT count(*) AS n FROM audit_log WHERE action = $1 AND entity_type = 'list_entry' AND entity_id = $2",
    [action, String(id)],
  );

/** The entry's ids on the public list page of its kind, on `today`. */
const publicListIds = async (kind: ListKind, today = TODAY) =>
  (await listEntriesOf({ kind, today, page: 1, pageSize: 100 })).rows.map((r) => r.id);
/** The entry ids the subject's public profile shows on its list section, on `today`. */
const profileListIds = async (subjectId: number, section: "seriousDishonesty" | "red", today = TODAY) => {
  const p = await getSubjectProfile({
    code: { kind: "uscc", code: uscc(subjectId), canonical: true },
    today,
  });
  if (!p) throw new Error(`no profile for subject ${subjectId}`);
  return p.lists[section].map((e) => e.id);
};

/** each subject's own penalty, which a proposal cites (issue 21) */
const penaltyNo = (subjectId: number) => `洪人社罚〔2026〕${subjectId}号`;
const proposal = (subjectId: number, listId: number = LIST.serious) => ({
  subjectId,
  listId,
  facts: "拖欠农民工工资，经责令限期支付逾期未支付。",
  basis: "《保障农民工工资支付条例》第四十八条",
  basisDecisionNos: [penaltyNo(subjectId)],
});
/** A proposal whose 告知 the company signed for in the portal the same day (issue 22: the period runs from it). */
const propose = async (subjectId: number, listId: number = LIST.serious, actor: CurrentUser = operator) => {
  const { id } = await proposeListing(ctx(actor), proposal(subjectId, listId));
  if (listId !== LIST.red) await acknowledgeListNotice(ctx(businessOf(subjectId)), { id });
  return id;
};
/** The subject's own serious penalty, which its proposals cite. */
const addPenalty = (id: number) =>
  seriousWagePenalty(db, { subjectId: id, name: `样例${id}号有限公司（演示）`, decisionNo: penaltyNo(id) });
const publish = (id: number, o: Partial<ListDecisionInput> = {}): ListDecisionInput => ({
  id,
  event: "publish",
  decisionNo: "赣人社信认〔2026〕1号",
  ...o,
});
const statementFile = () => checkedPdf();

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetCalendar();
  await db.exec(
    "INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')",
  );
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'hrss', '江西省人力资源和社会保障厅', '省人社厅', '11360000MB1234567X', '360000', 'province'),
     (2, 'tax', '江西省税务局', '省税务局', '11360000MB7654321X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO credit_lists (id, kind, name, owner_dept_id, legal_basis, validity_months) VALUES
     (1, 'serious_dishonesty', '拖欠农民工工资失信联合惩戒对象名单', 1, '《保障农民工工资支付条例》第四十八条', 36),
     (2, 'red', '劳动保障守法诚信企业名单', 1, '《江西省劳动保障守法诚信等级评价办法》', 36)`,
  );
  for (let id = 1; id <= SUBJECTS; id++)
    await db.exec(
      "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES ($1, $2, 'legal_person', $3, $4, '360100')",
      [id, `p${id}`, uscc(id), `样例${id}号有限公司（演示）`],
    );
  for (let id = 1; id <= SUBJECTS; id++) await addPenalty(id);
  const staff = [operator, reviewerA, reviewerB, otherDeptReviewer, sysadmin, operatorReviewer];
  const businesses = Array.from({ length: SUBJECTS }, (_, i) => businessOf(i + 1));
  for (const u of [...staff, ...businesses])
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code, subject_id) VALUES ($1, $2, $3, 'x', $4, '360000', $5)",
      [u.id, u.username, u.displayName, u.departmentId, u.subjectId],
    );
});
afterAll(async () => {
  serveQueriesFrom(null);
  forgetCalendar();
  await db.dispose();
});

describe("list decisions (DOMAIN §5, issue 14 §2)", () => {
  it("issue 21: a negative proposal cites the subject's own penalties by 文号; none, or another's, is refused", async () => {
    const subject = 2;
    const without = proposeListing(ctx(operator), { ...proposal(subject), basisDecisionNos: [] });
    await expect(without).rejects.toMatchObject({
      code: "invalid",
      message: "请填写列入所依据的行政处罚决定书文号。",
    });
    const others = proposeListing(ctx(operator), { ...proposal(subject), basisDecisionNos: [penaltyNo(3)] });
    await expect(others).rejects.toMatchObject({
      message: `未找到该主体的行政处罚“${penaltyNo(3)}”，请核对决定书文号。`,
    });
    expect(await count("SELECT count(*) AS n FROM list_entries WHERE subject_id = $1", [subject])).toBe(0);
  });

  it("§2.1 an operator's serious-dishonesty proposal is notified with a 5-working-day defence period, recorded, audited, and not public", async () => {
    const subject = 1;
    const { id, caseNo } = await proposeListing(ctx(operator), proposal(subject));
    expect(caseNo).toMatch(/^MD20261202\d{6}$/);
    // issue 22 §3: the 告知 is issued, not yet served; its period does not run
    expect(await entryRow(id)).toMatchObject({
      status: "notified",
      notice_date: TODAY,
      statement_deadline: null,
      statement: null,
      decision_date: null,
      valid_from: null,
      valid_until: null,
    });
    expect(await steps(id)).toEqual(["case_opened", "notified"]);
    expect(
      await row(
        "SELECT issued_on::text AS issued, served_on, service_method FROM notices WHERE case_type = 'list_entry' AND case_id = $1",
        [id],
      ),
    ).toEqual({ issued: TODAY, served_on: null, service_method: null });
    // the company's account is told in the same transaction: one 站内信 waiting in the outbox
    expect(
      await db.exec(
        "SELECT channel::text AS channel, recipient_user_id AS u, template, state::text AS state FROM outbox WHERE dedupe_key LIKE $1",
        [`list:${id}:notified|%`],
      ),
    ).toEqual([{ channel: "inbox", u: businessOf(subject).id, template: "list_notice", state: "pending" }]);

    // it signs for it in the portal: served today, the defence period runs 5 working days from today
    await acknowledgeListNotice(ctx(businessOf(subject)), { id });
    expect(await entryRow(id)).toMatchObject({ statement_deadline: DEADLINE });
    expect(
      await row(
        "SELECT served_on::text AS served_on, service_method::text AS method, served_by FROM notices WHERE case_id = $1",
        [id],
      ),
    ).toEqual({ served_on: TODAY, method: "portal", served_by: businessOf(subject).id });
    // signing again changes nothing
    await acknowledgeListNotice(ctx(businessOf(subject)), { id });
    expect(Number((await entryRow(id))?.created_by)).toBe(operator.id);
    expect(await steps(id)).toEqual(["case_opened", "notified", "served"]);
    expect(await audits("list.propose", id)).toBe(1);
    expect(await audits("notice.served", id)).toBe(1);

    // the business sees the notice in its portal, with the deadline
    expect((await listNoticesFor(subject)).map((n) => [n.id, n.statementDeadline])).toEqual([[id, DEADLINE]]);

    // a proposal is not a listing: nothing public yet
    expect(await publicListIds("serious_dishonesty")).not.toContain(id);
    expect(await profileListIds(subject, "seriousDishonesty")).toEqual([]);
  });

  it("§2.1 the reviewers' queue shows a notified proposal of their department with its defence deadline", async () => {
    const id = await propose(16);
    // regression: the count query once received `today` as an unused $1 ("could not determine data type of
    // parameter $1"), so the queue failed without the 'suggest_removal' filter
    const queue = await listDecisionQueue({ actor: reviewerA, filters: { page: 1 }, today: TODAY });
    expect(queue.rows.find((r) => r.id === id)).toMatchObject({
      state: "notified",
      noticeDate: TODAY,
      due: { due: DEADLINE, overdue: false },
    });
    // another department's reviewer does not see it
    const other = await listDecisionQueue({ actor: otherDeptReviewer, filters: { page: 1 }, today: TODAY });
    expect(other.rows.map((r) => r.id)).not.toContain(id);
  });

  it("§2.2 a second proposal for a subject while one is open (or while listed) is refused; one whose listing ended yesterday is accepted", async () => {
    const open = 2;
    const first = await propose(open);
    const entries = () =>
      count("SELECT count(*) AS n FROM list_entries WHERE subject_id = $1 AND list_id = $2", [
        open,
        LIST.serious,
      ]);
    const events = () => count("SELECT count(*) AS n FROM list_entry_events");
    const proposeAudits = () => count("SELECT count(*) AS n FROM audit_log WHERE action = 'list.propose'");
    const [entriesBefore, eventsBefore, auditsBefore] = [
      await entries(),
      await events(),
      await proposeAudits(),
    ];

    const again = proposeListing(ctx(operator), proposal(open));
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(await entries()).toBe(entriesBefore);
    expect(await events()).toBe(eventsBefore);
    expect(await proposeAudits()).toBe(auditsBefore);
    expect(await entryRow(first)).toMatchObject({ status: "notified" });

    // earlier listings on the same list, inserted as published by an earlier decision
    const listed = async (subjectId: number, validUntil: string) =>
      db.exec(
        `INSERT INTO list_entries (list_id, kind, subject_id, status, case_no, dept_id, basis, facts, decision_date,
           decision_no, valid_from, valid_until, created_by)
         VALUES ($1, 'serious_dishonesty', $2, 'published', $3, 1, '依据', '事实', $4, '赣人社信认〔2023〕9号', $4, $5, $6)`,
        [
          LIST.serious,
          subjectId,
          `MD-old-${subjectId}`,
          addDays(addMonths(validUntil, -36), 1),
          validUntil,
          operator.id,
        ],
      );
    const endedYesterday = 3;
    const endsToday = 4;
    await listed(endedYesterday, addDays(TODAY, -1));
    await listed(endsToday, TODAY);

    // still listed on its last day of validity: refused
    await expect(proposeListing(ctx(operator), proposal(endsToday))).rejects.toBeInstanceOf(AppError);
    expect(await count("SELECT count(*) AS n FROM list_entries WHERE subject_id = $1", [endsToday])).toBe(1);

    const renewed = await propose(endedYesterday);
    expect(await entryRow(renewed)).toMatchObject({ status: "notified", statement_deadline: DEADLINE });
    expect(
      await count("SELECT count(*) AS n FROM list_entries WHERE subject_id = $1 AND list_id = $2", [
        endedYesterday,
        LIST.serious,
      ]),
    ).toBe(2);
  });

  it("§2.3 审录分离: the proposer may not decide (even holding the reviewer role), nor an operator; another department's reviewer is answered not found", async () => {
    const id = await propose(5, LIST.serious, operatorReviewer);
    // the defence period is over: the actor is the only obstacle
    const later = AFTER_DEADLINE;

    const own = decideListing(ctx(operatorReviewer, later), publish(id));
    await expect(own).rejects.toBeInstanceOf(AppError);
    await expect(own).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("审录分离"),
    });
    await expect(decideListing(ctx(operator, later), publish(id))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      decideListing(ctx(operatorReviewer, later), { id, event: "drop", note: "证据不足" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(decideListing(ctx(otherDeptReviewer, later), publish(id))).rejects.toMatchObject({
      code: "not_found",
    });

    expect(await entryRow(id)).toMatchObject({ status: "notified", decision_date: null, decided_by: null });
    expect(await steps(id)).toEqual(["case_opened", "notified", "served"]);
    expect(await audits("list.publish", id)).toBe(0);
    expect(await audits("list.drop", id)).toBe(0);

    // another reviewer of the department may
    await decideListing(ctx(reviewerA, later), publish(id));
    expect(await entryRow(id)).toMatchObject({ status: "published", decision_date: later });
    expect(Number((await entryRow(id))?.decided_by)).toBe(reviewerA.id);
  });

  it("§2.4 no publication before the deadline unless the subject has stated its defence; then it is published for 36 months and public", async () => {
    const subject = 6;
    const id = await propose(subject);

    const early = decideListing(ctx(reviewerA), publish(id));
    await expect(early).rejects.toBeInstanceOf(AppError);
    await expect(early).rejects.toMatchObject({ message: expect.stringContaining(DEADLINE) });
    expect(await entryRow(id)).toMatchObject({ status: "notified", decision_date: null });
    expect(await steps(id)).toEqual(["case_opened", "notified", "served"]);

    const file = statementFile();
    await submitStatement(
      ctx(businessOf(subject)),
      { id, statement: "欠薪已于告知次日全部支付，请求不予列入。" },
      [file],
    );
    expect(await entryRow(id)).toMatchObject({
      status: "notified",
      statement: "欠薪已于告知次日全部支付，请求不予列入。",
      statement_on: TODAY,
    });
    expect(await steps(id)).toEqual(["case_opened", "notified", "served", "statement_received"]);
    expect(await audits("list.statement", id)).toBe(1);
    expect(
      await row(
        "SELECT kind::text AS kind, file_name, storage_path FROM case_files WHERE list_entry_id = $1",
        [id],
      ),
    ).toEqual({ kind: "statement", file_name: file.fileName, storage_path: expect.stringMatching(/\.bin$/) });
    const stored = await row("SELECT storage_path FROM case_files WHERE list_entry_id = $1", [id]);
    expect(await readCaseFile(String(stored?.storage_path))).toEqual(file.bytes);
    // the notice is answered but not yet decided: it stays among the business's notices
    expect((await listNoticesFor(subject)).map((n) => [n.id, n.statementOn])).toEqual([[id, TODAY]]);

    await decideListing(ctx(reviewerA), publish(id, { decisionNo: " 赣人社信认〔2026〕6号 " }));
    expect(await entryRow(id)).toMatchObject({
      status: "published",
      decision_date: TODAY,
      decision_no: "赣人社信认〔2026〕6号",
      valid_from: TODAY,
      valid_until: VALID_UNTIL,
    });
    expect(VALID_UNTIL).toBe("2029-12-01");
    expect(await steps(id)).toEqual(["case_opened", "notified", "served", "statement_received", "published"]);
    expect(await audits("list.publish", id)).toBe(1);

    expect(await publicListIds("serious_dishonesty")).toContain(id);
    expect(await profileListIds(subject, "seriousDishonesty")).toEqual([id]);
    expect(await listNoticesFor(subject)).toEqual([]);
    // public through its last day of validity, not after
    expect(await publicListIds("serious_dishonesty", VALID_UNTIL)).toContain(id);
    expect(await publicListIds("serious_dishonesty", addDays(VALID_UNTIL, 1))).not.toContain(id);
  });

  it("§2.5 a statement is the subject's own, once, by the deadline: another company, a second statement and a late one are refused", async () => {
    const subject = 7;
    const id = await propose(subject);

    const stranger = submitStatement(ctx(businessOf(6)), { id, statement: "代为申辩" }, []);
    await expect(stranger).rejects.toBeInstanceOf(AppError);
    await expect(stranger).rejects.toMatchObject({ code: "not_found" });
    expect(await entryRow(id)).toMatchObject({ statement: null, statement_on: null });

    // the deadline day itself is still in time
    await submitStatement(
      ctx(businessOf(subject), DEADLINE),
      { id, statement: "已与工人达成还款协议。" },
      [],
    );
    expect(await entryRow(id)).toMatchObject({ statement: "已与工人达成还款协议。", statement_on: DEADLINE });

    const second = submitStatement(ctx(businessOf(subject), DEADLINE), { id, statement: "补充说明" }, []);
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ code: "conflict" });
    expect(await entryRow(id)).toMatchObject({ statement: "已与工人达成还款协议。", statement_on: DEADLINE });
    expect(await audits("list.statement", id)).toBe(1);
    expect((await steps(id)).filter((s) => s === "statement_received")).toHaveLength(1);

    const lateSubject = 8;
    const late = await propose(lateSubject);
    const tooLate = submitStatement(
      ctx(businessOf(lateSubject), addDays(DEADLINE, 1)),
      { id: late, statement: "逾期申辩" },
      [statementFile()],
    );
    await expect(tooLate).rejects.toBeInstanceOf(AppError);
    await expect(tooLate).rejects.toMatchObject({ message: expect.stringContaining(DEADLINE) });
    expect(await entryRow(late)).toMatchObject({ status: "notified", statement: null, statement_on: null });
    expect(await count("SELECT count(*) AS n FROM case_files WHERE list_entry_id = $1", [late])).toBe(0);
    expect(await audits("list.statement", late)).toBe(0);
  });

  it("§2.6 a holiday set inside the defence period moves the deadline a working day later, and the decision waits for it", async () => {
    const subject = 9;
    const id = await propose(subject);
    // an entry whose subject has already spoken keeps its deadline: nothing is waiting on it
    const answered = await propose(10);
    await submitStatement(ctx(businessOf(10)), { id: answered, statement: "已整改完毕。" }, []);
    expect(await entryRow(id)).toMatchObject({ statement_deadline: DEADLINE });

    // Friday 2026-12-04, a working day of the defence period, becomes a holiday
    await setCalendarDay(ctx(sysadmin), { date: "2026-12-04", kind: "holiday", name: "测试假日" });
    try {
      expect(await entryRow(id)).toMatchObject({ statement_deadline: AFTER_DEADLINE });
      expect(await entryRow(answered)).toMatchObject({ statement_deadline: DEADLINE });

      // the day after the old deadline is now the last day of the defence period
      const refused = decideListing(ctx(reviewerA, AFTER_DEADLINE), publish(id));
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ message: expect.stringContaining(AFTER_DEADLINE) });
      expect(await entryRow(id)).toMatchObject({ status: "notified", decision_date: null });
      expect(await audits("list.publish", id)).toBe(0);

      // and the subject may still state its defence on it
      const onNewDeadline = await propose(11);
      await submitStatement(
        ctx(businessOf(11), AFTER_DEADLINE),
        { id: onNewDeadline, statement: "请求从轻处理。" },
        [],
      );
      expect(await entryRow(onNewDeadline)).toMatchObject({ statement_on: AFTER_DEADLINE });

      // the day after the new deadline it may be decided
      await decideListing(ctx(reviewerA, "2026-12-11"), publish(id));
      expect(await entryRow(id)).toMatchObject({ status: "published", decision_date: "2026-12-11" });
    } finally {
      // the rest of the file counts without the holiday
      await setCalendarDay(ctx(sysadmin), { date: "2026-12-04", kind: "normal", name: "" });
    }
  });

  it("§2.7 不予认定 needs a reason; with one the entry is dropped and the step recorded", async () => {
    const id = await propose(12);
    await expect(decideListing(ctx(reviewerA), { id, event: "drop" })).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(decideListing(ctx(reviewerA), { id, event: "drop", note: "   " })).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await entryRow(id)).toMatchObject({ status: "notified", decision_reason: null });
    expect(await audits("list.drop", id)).toBe(0);

    await decideListing(ctx(reviewerA), { id, event: "drop", note: "欠薪系总包单位拖欠，不属本企业责任。" });
    expect(await entryRow(id)).toMatchObject({
      status: "dropped",
      decision_date: TODAY,
      decision_reason: "欠薪系总包单位拖欠，不属本企业责任。",
      valid_from: null,
    });
    expect(await steps(id)).toEqual(["case_opened", "notified", "served", "dropped"]);
    expect(await audits("list.drop", id)).toBe(1);
    expect(await publicListIds("serious_dishonesty")).not.toContain(id);
    // a dropped proposal is closed: nothing more may be decided on it
    await expect(decideListing(ctx(reviewerB), publish(id))).rejects.toMatchObject({ code: "conflict" });
  });

  it("§2.8 移出 of a published entry needs a reason and a note; with them it is removed and leaves public view", async () => {
    const subject = 13;
    const id = await propose(subject);
    await submitStatement(ctx(businessOf(subject)), { id, statement: "无异议。" }, []);
    await decideListing(ctx(reviewerA), publish(id));
    expect(await publicListIds("serious_dishonesty")).toContain(id);
    expect(await profileListIds(subject, "seriousDishonesty")).toEqual([id]);

    await expect(
      decideListing(ctx(reviewerB), { id, event: "remove", note: "已完成信用修复" }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      decideListing(ctx(reviewerB), { id, event: "remove", reason: "repaired" }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      decideListing(ctx(reviewerB), { id, event: "remove", reason: "repaired", note: " " }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await entryRow(id)).toMatchObject({ status: "published", removed_on: null });
    expect(await publicListIds("serious_dishonesty")).toContain(id);

    await decideListing(ctx(reviewerB), {
      id,
      event: "remove",
      reason: "repaired",
      note: "已履行法定义务并完成信用修复。",
    });
    expect(await entryRow(id)).toMatchObject({
      status: "removed",
      removed_on: TODAY,
      removal_reason: "repaired",
      removal_note: "已履行法定义务并完成信用修复。",
    });
    expect((await steps(id)).at(-1)).toBe("removed");
    expect(await audits("list.remove", id)).toBe(1);
    expect(await publicListIds("serious_dishonesty")).not.toContain(id);
    expect(await profileListIds(subject, "seriousDishonesty")).toEqual([]);
  });

  it("§2.9 a red-list proposal needs no notice and may be published at once by another reviewer of the department", async () => {
    const subject = 14;
    const id = await propose(subject, LIST.red);
    expect(await entryRow(id)).toMatchObject({
      status: "case_opened",
      notice_date: null,
      statement_deadline: null,
    });
    expect(await steps(id)).toEqual(["case_opened"]);
    expect(await listNoticesFor(subject)).toEqual([]);
    expect(await publicListIds("red")).not.toContain(id);

    await decideListing(ctx(reviewerB), publish(id, { decisionNo: "赣人社诚〔2026〕3号" }));
    expect(await entryRow(id)).toMatchObject({
      status: "published",
      decision_date: TODAY,
      decision_no: "赣人社诚〔2026〕3号",
      valid_from: TODAY,
      valid_until: VALID_UNTIL,
    });
    expect(await steps(id)).toEqual(["case_opened", "published"]);
    expect(await publicListIds("red")).toContain(id);
    expect(await profileListIds(subject, "red")).toEqual([id]);
  });

  it("§2.10 two reviewers publishing one entry at once leave exactly one publication and one audit row", async () => {
    const subject = 15;
    const id = await propose(subject);
    await submitStatement(ctx(businessOf(subject)), { id, statement: "请求不予列入。" }, []);

    const outcomes = await Promise.allSettled([
      decideListing(
        ctx(reviewerA),
        publish(id, { decisionNo: "赣人社信认〔2026〕15号", expected: "notified" }),
      ),
      decideListing(
        ctx(reviewerB),
        publish(id, { decisionNo: "赣人社信认〔2026〕16号", expected: "notified" }),
      ),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect(refused.reason).toMatchObject({ code: "conflict" });

    expect(await entryRow(id)).toMatchObject({ status: "published", decision_date: TODAY });
    expect(
      await count("SELECT count(*) AS n FROM list_entry_events WHERE entry_id = $1 AND step = 'published'", [
        id,
      ]),
    ).toBe(1);
    expect(await audits("list.publish", id)).toBe(1);
    // the one decision written is the winner's, whole
    const winner = outcomes[0]?.status === "fulfilled" ? reviewerA : reviewerB;
    const stored = await entryRow(id);
    expect(Number(stored?.decided_by)).toBe(winner.id);
    expect(stored?.decision_no).toBe(
      winner === reviewerA ? "赣人社信认〔2026〕15号" : "赣人社信认〔2026〕16号",
    );
  });
});

describe("who may propose on a list (issue 20 N4)", () => {
  const cityOperator = testActor({ id: 40, departmentId: 3, role: "operator", regionCode: "360100" });
  beforeAll(async () => {
    await db.exec(
      "INSERT INTO regions (code, name, level) VALUES ('360700', '赣州市', 'city'), ('360702', '章贡区', 'county'), ('360102', '东湖区', 'county')",
    );
    await db.exec(
      `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
       (3, 'nchrss', '南昌市人力资源和社会保障局', '南昌市人社局', '11360100MB1234567X', '360100', 'city')`,
    );
    await db.exec(
      `INSERT INTO credit_lists (id, kind, name, owner_dept_id, legal_basis, validity_months) VALUES
       (3, 'red', 'A级纳税人名单', 2, '《纳税信用管理办法》第二十六条', 12)`,
    );
    await db.exec(
      `INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES
       (17, 'p17', 'legal_person', $1, '赣州样例有限公司（演示）', '360702'),
       (18, 'p18', 'legal_person', $2, '南昌样例十八有限公司（演示）', '360102')`,
      [uscc(17), uscc(18)],
    );
    await addPenalty(17);
    await addPenalty(18);
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (40, 'u40', '南昌录入员', 'x', 3, '360100')",
    );
  });
  const entriesOf = (subjectId: number) =>
    count("SELECT count(*) AS n FROM list_entries WHERE subject_id = $1", [subjectId]);

  it("refuses a proposal on another authority's list, writes nothing and says whose list it is", async () => {
    const before = await entriesOf(15);
    const attempt = proposeListing(ctx(operator), proposal(15, 3));
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    await expect(attempt).rejects.toThrow(/不是“A级纳税人名单”的认定单位/);
    expect(await entriesOf(15)).toBe(before);
  });

  it("lets a city department made competent for the list propose for its own city's subjects only", async () => {
    await expect(proposeListing(ctx(cityOperator), proposal(18, LIST.serious))).rejects.toMatchObject({
      code: "forbidden",
    });
    await setListCompetence(ctx(sysadmin), { listId: 1, deptId: 3, competent: true });
    expect(
      await count("SELECT count(*) AS n FROM audit_log WHERE action = 'list.competence' AND entity_id = '1'"),
    ).toBe(1);
    const { id } = await proposeListing(ctx(cityOperator), proposal(18, LIST.serious));
    expect(await entryRow(id)).toMatchObject({ status: "notified", created_by: 40 });
    await expect(proposeListing(ctx(cityOperator), proposal(17, LIST.serious))).rejects.toThrow(
      /不在本部门所在地区登记/,
    );
    expect(await entriesOf(17)).toBe(0);
    // the grant taken back, the city's department proposes no more
    await setListCompetence(ctx(sysadmin), { listId: 1, deptId: 3, competent: false });
    await expect(proposeListing(ctx(cityOperator), proposal(18, LIST.serious))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("a proposal whose department lost its competence meanwhile is not published", async () => {
    const cityReviewer = testActor({ id: 41, departmentId: 3, role: "reviewer", regionCode: "360100" });
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (41, 'u41', '南昌审核员', 'x', 3, '360100')",
    );
    await setListCompetence(ctx(sysadmin), { listId: LIST.red, deptId: 3, competent: true });
    const { id } = await proposeListing(ctx(cityOperator), proposal(18, LIST.red));
    await setListCompetence(ctx(sysadmin), { listId: LIST.red, deptId: 3, competent: false });
    await expect(decideListing(ctx(cityReviewer), publish(id))).rejects.toMatchObject({ code: "forbidden" });
    expect(await entryRow(id)).toMatchObject({ status: "case_opened" });
  });

  it("issue 22 §3: an unserved 告知 blocks 认定; a paper service, with its date and scan, starts the period from that date", async () => {
    const subject = 20;
    await db.exec(
      "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES ($1, 'p20', 'legal_person', $2, '样例二十有限公司（演示）', '360100')",
      [subject, uscc(subject)],
    );
    await addPenalty(subject);
    const { id } = await proposeListing(ctx(operator), proposal(subject));
    const blocked = decideListing(ctx(reviewerA, AFTER_DEADLINE), publish(id));
    await expect(blocked).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("告知书尚未送达"),
    });

    // no scan, a date in the future, another department: refused, nothing written
    await expect(
      recordPaperService(
        ctx(operator),
        { caseType: "list_entry", caseId: id, method: "in_person", servedOn: TODAY, note: "" },
        [],
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("送达回证") });
    await expect(
      recordPaperService(
        ctx(operator),
        { caseType: "list_entry", caseId: id, method: "in_person", servedOn: "2026-12-03", note: "" },
        [checkedPdf()],
      ),
    ).rejects.toMatchObject({ message: "送达日期不能晚于今天。" });
    await expect(
      recordPaperService(
        ctx(otherDeptReviewer),
        { caseType: "list_entry", caseId: id, method: "post", servedOn: TODAY, note: "" },
        [checkedPdf()],
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await count("SELECT count(*) AS n FROM case_files WHERE list_entry_id = $1", [id])).toBe(0);

    // served in person two days later: the period runs 5 working days from that day
    await recordPaperService(
      ctx(operator, "2026-12-04"),
      {
        caseType: "list_entry",
        caseId: id,
        method: "in_person",
        servedOn: "2026-12-04",
        note: "法定代表人签收",
      },
      [checkedPdf()],
    );
    expect(await entryRow(id)).toMatchObject({ statement_deadline: "2026-12-11" });
    expect(
      await row(
        `SELECT n.service_method::text AS method, n.served_on::text AS served_on, f.kind::text AS scan
           FROM notices n JOIN case_files f ON f.id = n.scan_file_id WHERE n.case_id = $1`,
        [id],
      ),
    ).toEqual({ method: "in_person", served_on: "2026-12-04", scan: "service" });
    expect(await steps(id)).toEqual(["case_opened", "notified", "served"]);
    // a second record is refused: the first service is the service
    await expect(
      recordPaperService(
        ctx(operator, "2026-12-04"),
        { caseType: "list_entry", caseId: id, method: "post", servedOn: "2026-12-04", note: "" },
        [checkedPdf()],
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("已于 2026-12-04 送达") });
    // and the decision waits for the period counted from it
    await expect(decideListing(ctx(reviewerA, AFTER_DEADLINE), publish(id))).rejects.toMatchObject({
      message: expect.stringContaining("2026-12-11"),
    });
    await decideListing(ctx(reviewerA, "2026-12-14"), publish(id));
    expect(await entryRow(id)).toMatchObject({ status: "published" });
  });
});

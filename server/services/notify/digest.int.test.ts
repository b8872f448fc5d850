import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import { forgetCalendar } from "../../calendar";
import { queueDeadlineDigests } from "./digest";

/** Issue 22 §4: reviewers get one message a day for cases with 2 working days or fewer left, not one per case. */
let db: TestDatabase;
const TODAY = "2026-12-02"; // a Wednesday; 2 working days later is Friday 2026-12-04

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetCalendar();
  await db.exec("INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province')");
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'amr', '江西省市场监督管理局', '省市场监管局', '11360000MB1234567X', '360000', 'province'),
     (2, 'tax', '江西省税务局', '省税务局', '11360000MB7654321X', '360000', 'province')`,
  );
  await db.exec(
    "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES (1, 'p1', 'legal_person', $1, '赣江样例有限公司（演示）', '360000')",
    [withUsccCheckChar("91360100MA3CAXD01")],
  );
  // two reviewers of department 1, one of department 2, an operator of department 1
  await db.exec(
    `INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES
     (1, 'rv1', '审核员甲', 'x', 1, '360000'), (2, 'rv2', '审核员乙', 'x', 1, '360000'),
     (3, 'rv3', '审核员丙', 'x', 2, '360000'), (4, 'op1', '录入员', 'x', 1, '360000'), (9, 'biz', '企业', 'x', NULL, '360000')`,
  );
  await db.exec(
    "INSERT INTO user_roles (user_id, role) VALUES (1, 'reviewer'), (2, 'reviewer'), (3, 'reviewer'), (4, 'operator'), (9, 'business')",
  );
  const repair = (id: number, status: string, accept: string, decide: string | null) =>
    db.exec(
      `INSERT INTO repair_cases (id, case_no, subject_id, applicant_id, target_type, target_id, dept_id, statement, status,
         submitted_on, accept_due_on, decide_due_on)
       VALUES ($1, $2, 1, 9, 'penalty', $1, 1, '申请修复', $3, '2026-11-20', $4, $5)`,
      [id, `XF20261120${String(id).padStart(6, "0")}`, status, accept, decide],
    );
  await repair(1, "submitted", "2026-12-04", null); // due Friday: in
  await repair(2, "submitted", "2026-12-01", null); // overdue: in
  await repair(3, "accepted", "2026-11-27", "2026-12-07"); // due Monday: 3 working days, out
  await repair(4, "approved", "2026-11-27", "2026-12-03"); // decided: out
});
afterAll(async () => {
  serveQueriesFrom(null);
  forgetCalendar();
  await db?.dispose();
});

describe("the reviewers' deadline digest (issue 22 §4)", () => {
  it("one 站内信 per reviewer of the department, listing each case due within 2 working days", async () => {
    await queueDeadlineDigests(db.db, { today: TODAY });
    const rows = await db.exec(
      "SELECT recipient_user_id AS u, channel::text AS channel, payload FROM outbox WHERE template = 'deadline_digest' ORDER BY recipient_user_id",
    );
    expect(rows.map((r) => [r.u, r.channel])).toEqual([
      [1, "inbox"],
      [2, "inbox"],
    ]);
    const payload = rows[0]?.payload as Record<string, string | number>;
    expect(payload.count).toBe(2);
    expect(payload.lines).toContain("XF20261120000002：时限 2026-12-01（已超期 1 个工作日）");
    expect(payload.lines).toContain("XF20261120000001：时限 2026-12-04（剩 2 个工作日）");
    expect(payload.lines).not.toContain("XF20261120000003");
    expect(payload.lines).not.toContain("XF20261120000004");
  });

  it("a second run the same day adds nothing; the next day is a new digest", async () => {
    await queueDeadlineDigests(db.db, { today: TODAY });
    expect(
      Number((await db.exec("SELECT count(*) AS n FROM outbox WHERE template = 'deadline_digest'"))[0]?.n),
    ).toBe(2);
    await queueDeadlineDigests(db.db, { today: "2026-12-03" });
    expect(
      Number((await db.exec("SELECT count(*) AS n FROM outbox WHERE template = 'deadline_digest'"))[0]?.n),
    ).toBe(4);
  });
});

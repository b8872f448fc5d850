import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { forgetCalendar } from "../calendar";
import { setCalendarDay } from "./manage-calendar";

let db: TestDatabase;
const sysadmin = testActor({ id: 1, departmentId: 1, role: "sysadmin" });
const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const ctx = (today: string) => ({ db: db.db, actor: sysadmin, meta, today });

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetCalendar();
  await insertProvinceDepartment(db);
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash, department_id) VALUES (1, 'u1', '管理员', 'x', 1)",
  );
  await db.exec(
    "INSERT INTO subjects (id, public_id, kind, name) VALUES (1, 'p1', 'legal_person', '样例有限公司（演示）')",
  );
  // submitted Thu 2026-12-03: acceptance due Mon 12-07 (2 working days)
  await db.exec(
    `INSERT INTO repair_cases (id, case_no, subject_id, applicant_id, target_type, target_id, dept_id, statement, status, submitted_on, accept_due_on)
     VALUES (1, 'XF1', 1, 1, 'penalty', 1, 1, '已整改', 'submitted', '2026-12-03', '2026-12-07')`,
  );
});
afterAll(async () => {
  serveQueriesFrom(null);
  forgetCalendar();
  await db.dispose();
});

const due = async () =>
  (await db.exec("SELECT accept_due_on::text AS d FROM repair_cases WHERE id = 1"))[0]?.d;

describe("the working-day calendar drives every open deadline (issue 14 §3)", () => {
  it("a new holiday moves the open repair's deadline in the same transaction, audited", async () => {
    const r = await setCalendarDay(ctx("2026-12-03"), {
      date: "2026-12-04",
      kind: "holiday",
      name: "测试假日",
    });
    expect(r.moved).toBe(1);
    expect(await due()).toBe("2026-12-08");
    const [a] = await db.exec(
      "SELECT after FROM audit_log WHERE action = 'calendar.edit' ORDER BY id DESC LIMIT 1",
    );
    expect(a?.after).toMatchObject({ kind: "holiday", deadlinesMoved: 1 });
  });

  it("an edit that would pull a running deadline before today is refused, nothing written", async () => {
    // with Fri 12-04 a holiday the deadline is Tue 12-08; Sat 12-05 as a workday would make it Mon 12-07,
    // which on Tue 12-08 is already the past
    await expect(
      setCalendarDay(ctx("2026-12-08"), { date: "2026-12-05", kind: "workday", name: "测试调休" }),
    ).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("XF1") });
    expect(await due()).toBe("2026-12-08");
    expect(
      (await db.exec("SELECT count(*)::int AS n FROM calendar_days WHERE date = '2026-12-05'"))[0]?.n,
    ).toBe(0);
  });

  it("restoring the day to ordinary moves the deadline back", async () => {
    await setCalendarDay(ctx("2026-12-03"), { date: "2026-12-04", kind: "normal", name: "" });
    expect(await due()).toBe("2026-12-07");
  });

  it("a weekday cannot be a 调休 workday", async () => {
    await expect(
      setCalendarDay(ctx("2026-12-03"), { date: "2026-12-09", kind: "workday", name: "x" }),
    ).rejects.toMatchObject({ code: "invalid" });
  });
});

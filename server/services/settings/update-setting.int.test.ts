import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { forgetPolicy, getPolicy } from "../../settings";
import { updateSetting } from "./update-setting";

let db: TestDatabase;
const sysadmin = testActor({ id: 1, departmentId: 1, role: "sysadmin" });
const ctx = () => ({
  db: db.db,
  actor: sysadmin,
  meta: { ip: "203.0.113.8", userAgent: "vitest" },
  today: "2026-12-02",
});

async function penalty(no: string, fineWan: number, disclosable: boolean) {
  await db.exec(
    `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
       source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, fine_amount, severity,
       public_until, repairable_from, disclosable)
     VALUES (1, '样例有限公司（演示）', 'legal_entity', $1, '2026-11-01', 1, 1, '类型', '事实', '依据', '{罚款}', '罚款', $2,
       'general', '2027-11-01', '2027-02-02', $3)`,
    [no, fineWan, disclosable],
  );
}
const disclosable = async (no: string) =>
  (await db.exec("SELECT disclosable FROM penalties WHERE decision_no = $1", [no]))[0]?.disclosable;

async function jobDone(id: number) {
  for (let i = 0; i < 100; i++) {
    const [j] = await db.exec("SELECT state FROM disclosure_jobs WHERE id = $1", [id]);
    if (j?.state === "done" || j?.state === "failed") return String(j.state);
    await new Promise((r) => setTimeout(r, 50));
  }
  return "timeout";
}

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetPolicy();
  await insertProvinceDepartment(db);
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash, department_id) VALUES (1, 'u1', '管理员', 'x', 1)",
  );
  await db.exec(
    "INSERT INTO subjects (id, public_id, kind, name) VALUES (1, 'p1', 'legal_person', '样例有限公司（演示）')",
  );
  await penalty("罚1", 1.5, true); // public under the default 1 万元 threshold
  await penalty("罚2", 0.5, false);
});
afterAll(async () => {
  serveQueriesFrom(null);
  forgetPolicy();
  await db.dispose();
});

describe("settings (issue 14 §4)", () => {
  it("a value out of range is refused and nothing is written", async () => {
    await expect(
      updateSetting(ctx(), {
        key: "statementPeriodWorkingDays",
        version: 0,
        form: { statementPeriodWorkingDays: "0" },
      }),
    ).rejects.toMatchObject({ code: "invalid", message: "陈述申辩期应在 1–30 个工作日之间。" });
    expect((await db.exec("SELECT count(*)::int AS n FROM settings"))[0]?.n).toBe(0);
  });

  it("a change is versioned, audited and read at once; a form read before it is refused", async () => {
    const r = await updateSetting(ctx(), {
      key: "repairRetryMonths",
      version: 0,
      form: { repairRetryMonths: "3" },
    });
    expect(r.version).toBe(1);
    expect((await getPolicy()).repairRetryMonths).toBe(3);
    await expect(
      updateSetting(ctx(), { key: "repairRetryMonths", version: 0, form: { repairRetryMonths: "4" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const [v] = await db.exec("SELECT version, value FROM setting_versions WHERE key = 'repairRetryMonths'");
    expect(v).toEqual({ version: 1, value: 3 });
    const [a] = await db.exec("SELECT before, after FROM audit_log WHERE action = 'setting.update'");
    expect(a).toMatchObject({ before: { value: 6, version: 0 }, after: { value: 3, version: 1 } });
  });

  it("a new disclosure threshold recounts every penalty in a durable job: a fine below it leaves public view", async () => {
    const r = await updateSetting(ctx(), {
      key: "disclosureFineThresholdWan",
      version: 0,
      form: { disclosureFineThresholdWan: "2" },
    });
    expect(r.jobId).not.toBeNull();
    expect(await jobDone(Number(r.jobId))).toBe("done");
    expect(await disclosable("罚1")).toBe(false);
    expect(await disclosable("罚2")).toBe(false);
    const [job] = await db.exec(
      "SELECT processed, now_hidden, now_shown FROM disclosure_jobs WHERE id = $1",
      [r.jobId],
    );
    expect(job).toEqual({ processed: 2, now_hidden: 1, now_shown: 0 });
    // and back: lowering it shows both again
    const back = await updateSetting(ctx(), {
      key: "disclosureFineThresholdWan",
      version: 1,
      form: { disclosureFineThresholdWan: "0.1" },
    });
    expect(await jobDone(Number(back.jobId))).toBe("done");
    expect([await disclosable("罚1"), await disclosable("罚2")]).toEqual([true, true]);
  });
});

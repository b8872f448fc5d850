import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { chinaDate } from "@/lib/calendar/dates";
import { seedDemo } from "../../scripts/seed/index";
import { getSubjectProfile } from "./profile";

let db: TestDatabase;
const today = chinaDate(new Date());

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await seedDemo(db, { subjects: 300, seed: 11, anchor: today, piiKey: "grades-test-key-0123456789" });
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

const stored = async (id: number) =>
  (
    await db.exec(
      "SELECT grade::text AS grade, score, rule_version FROM subject_grades WHERE subject_id = $1",
      [id],
    )
  )[0];

describe("stored grades (issue 12 §1): the set-based SQL agrees with lib/grading on every subject", () => {
  it("every subject has a stored grade equal to the profile's, which lib/grading computes", async () => {
    const subjects = await db.exec("SELECT id, public_id, uscc, kind FROM subjects ORDER BY id");
    const grades = await db.exec(
      "SELECT subject_id, grade::text AS grade, score, rule_version FROM subject_grades",
    );
    expect(grades).toHaveLength(subjects.length);
    const byId = new Map(grades.map((g) => [Number(g.subject_id), g]));
    const mismatches: string[] = [];
    for (const s of subjects) {
      const code = s.uscc
        ? ({ kind: "uscc", code: String(s.uscc), canonical: true } as const)
        : ({ kind: "public_id", id: String(s.public_id) } as const);
      const p = await getSubjectProfile({ code, today });
      const g = byId.get(Number(s.id));
      if (!p || !g || p.grade.grade !== g.grade || p.grade.score !== Number(g.score))
        mismatches.push(
          `${s.id}: profile ${p?.grade.grade}/${p?.grade.score}, stored ${g?.grade}/${g?.score}`,
        );
    }
    expect(mismatches).toEqual([]);
  });

  it("a new serious penalty regrades its subject in the same statement; withdrawing it restores the grade", async () => {
    const [s] = await db.exec(
      "SELECT g.subject_id AS id FROM subject_grades g WHERE g.grade = 'A' AND g.score = 100 ORDER BY g.subject_id LIMIT 1",
    );
    const id = Number(s?.id);
    const [p] = await db.exec(
      `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
         source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, severity, public_until,
         repairable_from, disclosable)
       VALUES ($1, '某', 'legal_entity', 'G-1', $2, 1, 1, '类型', '事实', '依据', '{罚款}', '罚款', 'serious', $2::date + 1000, $2::date + 365, true)
       RETURNING id`,
      [id, today],
    );
    expect(await stored(id)).toMatchObject({ grade: "B", score: 80, rule_version: "2026.1" });
    await db.exec("UPDATE penalties SET under_verification = true WHERE id = $1", [p?.id]);
    expect(await stored(id)).toMatchObject({ grade: "A", score: 100 });
    await db.exec("UPDATE penalties SET under_verification = false, status = 'withdrawn' WHERE id = $1", [
      p?.id,
    ]);
    expect(await stored(id)).toMatchObject({ grade: "A", score: 100 });
  });

  it("a 严重失信 listing forces D at once, and a 'grading' setting's weights are used on the next regrade", async () => {
    const [s] = await db.exec(
      "SELECT subject_id AS id FROM subject_grades WHERE grade = 'A' ORDER BY subject_id DESC LIMIT 1",
    );
    const id = Number(s?.id);
    await db.exec(
      `INSERT INTO list_entries (list_id, kind, subject_id, status, case_no, dept_id, basis, facts, decision_date, valid_from, valid_until)
       VALUES (3, 'serious_dishonesty', $1, 'published', 'T-1', 1, '依据', '事实', $2, $2, $2::date + 30)`,
      [id, today],
    );
    expect((await stored(id))?.grade).toBe("D");
    await db.exec(
      `INSERT INTO settings (key, value) VALUES ('grading', '{"version": "test.2", "start": 50}')`,
    );
    await db.exec("SELECT regrade_subjects(ARRAY[$1]::bigint[])", [id]);
    expect(await stored(id)).toMatchObject({ rule_version: "test.2" });
    await db.exec("DELETE FROM settings WHERE key = 'grading'");
  });
});

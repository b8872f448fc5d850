import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

describe("migrations (same files on PGlite and PostgreSQL)", () => {
  it("create every table of the domain model", async () => {
    const rows = await db.exec(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = rows.map((r) => r.table_name);
    for (const t of [
      "regions",
      "departments",
      "subjects",
      "subject_name_reviews",
      "licences",
      "penalties",
      "admin_acts",
      "credit_lists",
      "list_entries",
      "list_entry_events",
      "commitment_templates",
      "commitments",
      "repair_cases",
      "objections",
      "case_files",
      "case_events",
      "subject_grades",
      "inspection_draws",
      "inspection_draw_subjects",
      "interviews",
      "users",
      "user_roles",
      "totp_recovery_codes",
      "api_keys",
      "audit_log",
      "calendar_days",
      "settings",
      "credit_reports",
    ]) {
      expect(tables).toContain(t);
    }
  });

  it("are idempotent: applying them again changes nothing", async () => {
    const { migrateDatabase } = await import("./migrate");
    await expect(migrateDatabase(db)).resolves.toBeUndefined();
  });

  it("cjk_grams yields every 1- and 2-character substring, lower-cased", async () => {
    const [row] = await db.exec("SELECT cjk_grams('南昌AB') AS g");
    expect([...((row?.g as string[] | undefined) ?? [])].sort()).toEqual(
      ["a", "ab", "b", "南", "南昌", "昌", "昌a"].sort(),
    );
  });

  it("serves a 2-character Chinese term from the GIN bigram index (STACK-NOTES: trigrams cannot)", async () => {
    await db.exec("INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province')");
    await db.exec(
      `INSERT INTO subjects (public_id, kind, name, region_code)
       SELECT 'p' || i, 'legal_person', '南昌' || i || '建工有限公司', '360000' FROM generate_series(1, 2000) AS i`,
    );
    await db.exec("ANALYZE subjects");
    await db.exec("SET enable_seqscan = off");
    const plan = await db.exec(
      "EXPLAIN SELECT id FROM subjects WHERE name_grams @> ARRAY['建工'] AND name LIKE '%建工%'",
    );
    await db.exec("SET enable_seqscan = on");
    expect(plan.map((r) => Object.values(r)[0]).join("\n")).toContain("subjects_name_grams_idx");
    const found = await db.exec(
      "SELECT count(*)::int AS n FROM subjects WHERE name_grams @> ARRAY['建工'] AND name LIKE '%建工%'",
    );
    expect(found[0]?.n).toBe(2000);
  });

  it("keep the audit log append-only (DOMAIN §11): UPDATE and DELETE are refused", async () => {
    await db.exec(
      `INSERT INTO audit_log (at, action, outcome, prev_hash, hash) VALUES (now(), 'test', 'success', repeat('0', 64), repeat('a', 64))`,
    );
    await expect(db.exec("UPDATE audit_log SET action = 'changed'")).rejects.toThrow(/append-only/);
    await expect(db.exec("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    const [row] = await db.exec("SELECT action FROM audit_log");
    expect(row?.action).toBe("test");
  });
});

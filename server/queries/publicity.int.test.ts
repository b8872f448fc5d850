import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { penalties } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { addDays } from "@/lib/calendar/dates";
import { isPenaltyPublic, penaltyPublicityWindow, type Severity } from "@/lib/records/publicity";
import { penaltyIsPublic } from "./publicity";

let db: TestDatabase;
const DECISION = "2024-01-31"; // month-end: the clamping case of Civil Code art. 202
const cases: {
  id: number;
  severity: Severity;
  status: "active" | "withdrawn" | "repaired";
  disclosable: boolean;
}[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec("INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province')");
  await db.exec(
    "INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES (1, 'd', '测试局', '测试局', '11360000MB1A2C3D0X', '360000', 'province')",
  );
  await db.exec(
    "INSERT INTO subjects (id, public_id, kind, name) VALUES (1, 'p1', 'legal_person', '测试（演示）')",
  );
  let n = 0;
  for (const severity of ["general", "serious"] as const) {
    for (const [status, disclosable] of [
      ["active", true],
      ["active", false],
      ["withdrawn", true],
      ["repaired", true],
    ] as const) {
      const w = penaltyPublicityWindow(DECISION, severity);
      const rows = await db.db
        .insert(penalties)
        .values({
          subjectId: 1,
          counterpartName: "测试（演示）",
          counterpartCategory: "legal_entity",
          decisionNo: `测〔2024〕${++n}号`,
          decisionDate: DECISION,
          authorityDeptId: 1,
          sourceDeptId: 1,
          status,
          violationType: "测试",
          violationFacts: "测试",
          legalBasis: "测试",
          penaltyTypes: ["罚款"],
          penaltyContent: "罚款",
          fineAmount: "2",
          severity,
          publicUntil: w.publicUntil,
          repairableFrom: w.repairableFrom,
          disclosable,
        })
        .returning({ id: penalties.id });
      cases.push({ id: rows[0]?.id ?? 0, severity, status, disclosable });
    }
  }
});
afterAll(() => db.dispose());

/** The day before, of and after each boundary of DOMAIN §4 for both severities. */
function boundaryDays(): string[] {
  const days = new Set<string>();
  for (const s of ["general", "serious"] as const) {
    const w = penaltyPublicityWindow(DECISION, s);
    for (const d of [w.publicFrom, w.publicUntil, w.repairableFrom])
      for (const k of [-1, 0, 1]) days.add(addDays(d, k));
  }
  return [...days].sort();
}

describe("the public penalty filter in SQL agrees with lib/publicity.isPenaltyPublic (DOMAIN §4)", () => {
  it.each(boundaryDays())("on %s", async (today) => {
    const rows = await db.db.select({ id: penalties.id }).from(penalties).where(penaltyIsPublic(today));
    const expected = cases
      .filter((c) => isPenaltyPublic({ decisionDate: DECISION, ...c }, today))
      .map((c) => c.id);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.sort());
  });

  it("shows a 一般失信 penalty through 2025-01-31 and hides it from 2025-02-01 (max 1 year)", async () => {
    const general = cases.find((c) => c.severity === "general" && c.status === "active" && c.disclosable);
    const visible = async (today: string) =>
      (await db.db.select({ id: penalties.id }).from(penalties).where(penaltyIsPublic(today))).some(
        (r) => r.id === general?.id,
      );
    expect(await visible("2024-01-30")).toBe(false);
    expect(await visible("2024-01-31")).toBe(true);
    expect(await visible("2025-01-31")).toBe(true);
    expect(await visible("2025-02-01")).toBe(false);
  });
});

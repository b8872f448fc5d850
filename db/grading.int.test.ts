import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GRADING } from "@/lib/grading/grading";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

describe("grade_rules() — the SQL regrade uses lib/grading's defaults (DOMAIN §9)", () => {
  it("equals DEFAULT_GRADING when no setting overrides it", async () => {
    const [r] = await db.exec("SELECT grade_rules() AS r");
    expect(r?.r).toEqual(DEFAULT_GRADING);
  });
});

import { describe, expect, it } from "vitest";
import { CASE_PREFIX, caseNumber } from "./case-number";

describe("case numbers — one format for every kind (issue 21)", () => {
  it("prefix, the opening day, the id padded to six digits", () => {
    expect(caseNumber(CASE_PREFIX.repair, "2026-12-02", 123)).toBe("XF20261202000123");
    expect(caseNumber(CASE_PREFIX.commitment, "2026-12-02", 7)).toBe("CN20261202000007");
  });
  it("every kind has its own two-letter prefix", () => {
    const prefixes = Object.values(CASE_PREFIX);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const p of prefixes) expect(p).toMatch(/^[A-Z]{2}$/);
  });
});

import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, codeFromBytes, formatCode, isReportNo, normalizeCode, reportNoOf } from "./report-no";

describe("report number and verification code — DOMAIN §10", () => {
  it("the number carries the China date and the sequence", () => {
    expect(reportNoOf("2026-12-03", 123)).toBe("XY20261203000123");
    expect(isReportNo("XY20261203000123")).toBe(true);
    expect(isReportNo("XY2026120300012")).toBe(false);
    expect(isReportNo("xy20261203000123")).toBe(false);
  });
  it("codes use no character that reads like another (0/O, 1/I/L)", () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const code = codeFromBytes(Uint8Array.from([0, 1, 2, 30, 31, 255, 100, 7]));
    expect(code).toHaveLength(8);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
  });
  it("what a person types is read whatever its case, spaces and dashes", () => {
    expect(normalizeCode(" 7kq4-m9tx ")).toBe("7KQ4M9TX");
    expect(formatCode("7KQ4M9TX")).toBe("7KQ4-M9TX");
    expect(normalizeCode("7KQ4M9T0")).toBeNull();
    expect(normalizeCode("7KQ4")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parseRatioForm, percent, ratioOrderWarning } from "./ratios";

describe("parseRatioForm — issue 12 §2 / bad input: ratios outside 0–100 % are refused", () => {
  it("percentages become fractions (DOMAIN §9 defaults)", () => {
    expect(parseRatioForm({ A: "3", B: "5", C: "10", D: "30%" })).toEqual({
      ok: true,
      ratios: { A: 0.03, B: 0.05, C: 0.1, D: 0.3 },
    });
  });
  it.each([["101"], ["-1"], ["abc"], ["1.234"], [""]])("%s is refused with a Chinese message", (v) => {
    const r = parseRatioForm({ A: "3", B: "5", C: v, D: "30" });
    expect(r).toMatchObject({ ok: false, field: "C" });
    if (!r.ok) expect(r.message).toMatch(/C 级/);
  });
  it("0 and 100 are allowed", () => {
    expect(parseRatioForm({ A: "0", B: "0", C: "100", D: "100" }).ok).toBe(true);
  });
  it("2020 plan §14: a worse grade inspected less is warned about", () => {
    expect(ratioOrderWarning({ A: 0.3, B: 0.05, C: 0.1, D: 0.3 })).toMatch(/A ≤ B/);
    expect(ratioOrderWarning({ A: 0.03, B: 0.05, C: 0.1, D: 0.3 })).toBeNull();
    expect(percent(0.035)).toBe("3.5%");
  });
});

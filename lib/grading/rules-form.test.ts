import { describe, expect, it } from "vitest";
import { DEFAULT_GRADING, rulesOver } from "./grading";
import { parseRulesForm, ruleVersionOf } from "./rules-form";

const form = (over: Record<string, string> = {}) => ({
  start: "100",
  generalPenalty: "-5",
  seriousPenalty: "-20",
  redListEntry: "5",
  breachedCommitment: "-10",
  fulfilledCommitment: "2",
  bandA: "90",
  bandB: "75",
  bandC: "60",
  ...over,
});

describe("parseRulesForm — issue 12 §1: weights and thresholds a supervisor may set", () => {
  it("the DOMAIN §9 defaults typed in give back DEFAULT_GRADING under the new version", () => {
    expect(parseRulesForm(form(), "r1")).toEqual({ ok: true, rules: { ...DEFAULT_GRADING, version: "r1" } });
  });
  it("a penalty that would raise a score is refused", () => {
    expect(parseRulesForm(form({ seriousPenalty: "20" }), "r1")).toMatchObject({
      ok: false,
      field: "seriousPenalty",
    });
  });
  it("bands must fall: A > B > C", () => {
    expect(parseRulesForm(form({ bandB: "90" }), "r1")).toMatchObject({ ok: false, field: "bandB" });
  });
  it("A above the start would make A unreachable", () => {
    expect(parseRulesForm(form({ start: "80", bandA: "85" }), "r1")).toMatchObject({
      ok: false,
      field: "bandA",
    });
  });
  it("a fraction is not a weight", () => {
    const r = parseRulesForm(form({ generalPenalty: "-5.5" }), "r1");
    expect(r).toMatchObject({ ok: false, message: "「每项一般行政处罚」应为整数。" });
  });
  it("version 0 is the defaults' own name", () => {
    expect(ruleVersionOf(0)).toBe(DEFAULT_GRADING.version);
    expect(ruleVersionOf(3)).toBe("r3");
  });
});

describe("rulesOver — the 'grading' setting over the defaults, part by part", () => {
  it("no setting: the defaults; a partial one keeps the rest, bands included", () => {
    expect(rulesOver(null)).toEqual(DEFAULT_GRADING);
    expect(rulesOver({ version: "r2", seriousPenalty: -30, bands: { A: 95 } as never })).toEqual({
      ...DEFAULT_GRADING,
      version: "r2",
      seriousPenalty: -30,
      bands: { ...DEFAULT_GRADING.bands, A: 95 },
    });
  });
});

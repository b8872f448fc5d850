import { describe, expect, it } from "vitest";
import { penaltyPublicityWindow } from "./publicity";
import { displayValue, penaltyPreview, RECORD_FIELDS } from "./record-fields";

const field = (name: string) => {
  const f = RECORD_FIELDS.penalty.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};

describe("displayValue (issue 10: every coded value through its label)", () => {
  it("shows the label of a coded choice, never the code", () => {
    expect(displayValue(field("counterpartCategory"), "legal_entity")).toBe("法人及非法人组织");
    expect(displayValue(field("severity"), "general")).toBe("一般失信");
    expect(displayValue(field("penaltyTypes"), ["警告", "罚款"])).toBe("警告、罚款");
  });
  it("shows free text as it is, and a dash for nothing", () => {
    expect(displayValue(field("counterpartName"), "赣江建工有限公司")).toBe("赣江建工有限公司");
    expect(displayValue(field("remarks"), undefined)).toBe("—");
  });
});

describe("penaltyPreview (issue 10; DOMAIN §3 disclosure, §4 publicity)", () => {
  const base = {
    counterpartCategory: "legal_entity",
    uscc: "91360100MA35NR5X3J",
    decisionDate: "2026-03-31",
  };
  it("a penalty of only 警告 is not disclosed, so it has no 公示截止", () => {
    expect(penaltyPreview({ ...base, penaltyTypes: ["警告"] }, 1)).toEqual({ state: "not_disclosed" });
    expect(penaltyPreview({ ...base, penaltyTypes: "通报批评" }, 1)).toEqual({ state: "not_disclosed" });
  });
  it("an organisation's fine below the threshold is not disclosed; at or above it is", () => {
    expect(penaltyPreview({ ...base, penaltyTypes: ["罚款"], fineAmount: "0.5" }, 1).state).toBe(
      "not_disclosed",
    );
    // the same window the server stores for the record
    const w = penaltyPublicityWindow("2026-03-31", "general");
    expect(penaltyPreview({ ...base, penaltyTypes: ["罚款"], fineAmount: "1" }, 1)).toEqual({
      state: "public",
      publicUntil: w.publicUntil,
      repairableFrom: w.repairableFrom,
    });
  });
  it("a natural person's small fine is disclosed (the threshold is for organisations)", () => {
    const person = {
      ...base,
      counterpartCategory: "natural_person",
      uscc: "",
      penaltyTypes: ["罚款"],
      fineAmount: "0.1",
    };
    expect(penaltyPreview(person, 1).state).toBe("public");
  });
  it("waits for a valid decision date", () => {
    expect(
      penaltyPreview({ ...base, penaltyTypes: ["罚款"], fineAmount: "3", decisionDate: "2026-02-30" }, 1),
    ).toEqual({
      state: "incomplete",
    });
  });
});

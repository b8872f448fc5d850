import { describe, expect, it } from "vitest";
import { displayValue, RECORD_FIELDS } from "./record-fields";

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

import { describe, expect, it } from "vitest";
import { workingCalendar } from "../calendar/working-days";
import { withUsccCheckChar } from "../subjects/uscc";
import { invalidValues, missingFields, onlineDeadline, perTenThousand, usccFault } from "./quality";

const base = {
  kind: "penalty" as const,
  counterpartCategory: "legal_entity" as const,
  legalRepresentative: "张三",
  penaltyTypes: ["罚款"],
  fineAmount: "1.5",
  decisionDate: "2026-11-02",
  onlineOn: "2026-11-05",
};

describe("data-quality board (2020 plan §28, 2023 plan §14, issue 23 §4)", () => {
  it("timely means online within 7 working days of the decision (a weekend does not count)", () => {
    expect(onlineDeadline(workingCalendar([]), "2026-11-02")).toBe("2026-11-11");
  });
  it("complete: a legal entity's 法定代表人, and a fine's amount", () => {
    expect(missingFields(base)).toEqual([]);
    expect(missingFields({ ...base, legalRepresentative: " " })).toEqual(["法定代表人"]);
    expect(missingFields({ ...base, fineAmount: null })).toEqual(["罚款金额"]);
    expect(
      missingFields({ ...base, counterpartCategory: "natural_person", legalRepresentative: null }),
    ).toEqual([]);
  });
  it("valid: no decision after it went online, no licence valid to before valid from", () => {
    expect(invalidValues(base)).toEqual([]);
    expect(invalidValues({ ...base, decisionDate: "2026-11-09" })).toEqual(["决定日期晚于上网日期"]);
    expect(
      invalidValues({ ...base, kind: "licence", validFrom: "2026-01-01", validTo: "2025-12-31" }),
    ).toHaveLength(1);
  });
  it("重错码: a wrong GB 32100 check character, or one name holding two codes; the rate in 万分之", () => {
    const good = withUsccCheckChar("91360100MA35D8K21");
    const bad = `${good.slice(0, 17)}${good.endsWith("0") ? "1" : "0"}`;
    expect(usccFault(good, 1)).toBeNull();
    expect(usccFault(bad, 1)).toBe("error");
    expect(usccFault(good, 2)).toBe("duplicate");
    expect(perTenThousand(1 / 10_000)).toBe("1.00‱");
  });
});

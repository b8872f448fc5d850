import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./policy";
import { POLICY_FIELDS, parsePolicyValue, policyInputValues } from "./policy-fields";

describe("policy fields — issue 14 §4: every (ours) value of DOMAIN.md, validated against its range", () => {
  it("covers every policy key exactly once", () => {
    expect(POLICY_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
  });

  it("takes a value in range, refuses one outside it or not a number, naming the setting", () => {
    expect(parsePolicyValue("disclosureFineThresholdWan", { disclosureFineThresholdWan: "2.5" })).toEqual({
      ok: true,
      key: "disclosureFineThresholdWan",
      value: 2.5,
    });
    expect(parsePolicyValue("statementPeriodWorkingDays", { statementPeriodWorkingDays: "31" })).toEqual({
      ok: false,
      message: "陈述申辩期应在 1–30 个工作日之间。",
    });
    expect(parsePolicyValue("repairRetryMonths", { repairRetryMonths: "2.5" })).toMatchObject({
      message: "修复被拒后再次申请的间隔应为整数。",
    });
    expect(parsePolicyValue("repairRetryMonths", { repairRetryMonths: "" })).toMatchObject({ ok: false });
    expect(parsePolicyValue("noSuchKey", {})).toEqual({ ok: false, message: "没有这项设置。" });
  });

  it("reads a composite value part by part; ratios are entered as percent and stored as fractions (DOMAIN §9)", () => {
    const form = {
      "inspectionRatios.A": "3",
      "inspectionRatios.B": "5",
      "inspectionRatios.C": "10",
      "inspectionRatios.D": "30",
    };
    expect(parsePolicyValue("inspectionRatios", form)).toEqual({
      ok: true,
      key: "inspectionRatios",
      value: { A: 0.03, B: 0.05, C: 0.1, D: 0.3 },
    });
    expect(parsePolicyValue("inspectionRatios", { ...form, "inspectionRatios.D": "101" })).toEqual({
      ok: false,
      message: "抽查比例（D 级）应在 0–100 %之间。",
    });
    const months = POLICY_FIELDS.find((f) => f.key === "listValidityMonths");
    if (!months) throw new Error("listValidityMonths missing");
    expect(policyInputValues(months, DEFAULT_POLICY.listValidityMonths)).toEqual({
      "listValidityMonths.red": "36",
      "listValidityMonths.serious_dishonesty": "36",
      "listValidityMonths.key_attention": "12",
      "listValidityMonths.market_ban": "60",
    });
  });

  it("shows the stored fraction back as the percent that was typed", () => {
    const ratios = POLICY_FIELDS.find((f) => f.key === "inspectionRatios");
    if (!ratios) throw new Error("inspectionRatios missing");
    expect(policyInputValues(ratios, { A: 0.03, B: 0.05, C: 0.1, D: 0.3 })["inspectionRatios.A"]).toBe("3");
  });
});

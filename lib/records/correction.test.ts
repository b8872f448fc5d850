import { describe, expect, it } from "vitest";
import { CORRECTABLE, correctionOf } from "./correction";

const penalty = {
  violationType: "未按规定公示年度报告",
  violationFacts: "2025 年度报告逾期未报",
  legalBasis: "《企业信息公示暂行条例》第八条",
  penaltyContent: "警告",
};

describe("更正 (DOMAIN §8): an objection found right edits the record's public fields", () => {
  it("returns only the fields that changed, and says what changed", () => {
    const r = correctionOf(
      "penalty",
      penalty,
      { ...penalty, penaltyContent: "警告（已更正）" },
      "2026-01-05",
    );
    expect(r).toEqual({
      ok: true,
      changes: { penaltyContent: "警告（已更正）" },
      summary: "处罚内容：“警告”改为“警告（已更正）”",
    });
  });

  it("a correction that changes nothing is refused: the answer is then 维持, with a reason", () => {
    const r = correctionOf(
      "penalty",
      penalty,
      { ...penalty, violationType: ` ${penalty.violationType} ` },
      "2026-01-05",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("维持原记录");
  });

  it("a required field cannot be emptied; an optional one may be removed", () => {
    const r = correctionOf("penalty", penalty, { legalBasis: "" }, "2026-01-05");
    expect(r).toMatchObject({ ok: false, errors: { legalBasis: "处罚依据不能为空" } });
    const l = correctionOf(
      "licence",
      { content: "x", licenceNo: "L-1", validTo: null },
      { licenceNo: "" },
      "2026-01-05",
    );
    expect(l).toMatchObject({ ok: true, changes: { licenceNo: null } });
  });

  it("a validity that ends before the record took effect is refused; a real date is required", () => {
    const entry = { facts: "f", basis: "b", validUntil: "2029-01-01" };
    expect(correctionOf("list_entry", entry, { validUntil: "2025-12-31" }, "2026-01-05")).toMatchObject({
      ok: false,
      errors: { validUntil: "有效期至不能早于生效日期 2026-01-05" },
    });
    expect(correctionOf("list_entry", entry, { validUntil: "2027-02-30" }, "2026-01-05")).toMatchObject({
      ok: false,
      errors: { validUntil: "有效期至须为有效日期（YYYY-MM-DD）" },
    });
    expect(correctionOf("list_entry", entry, { validUntil: "2027-06-30" }, "2026-01-05")).toMatchObject({
      ok: true,
      changes: { validUntil: "2027-06-30" },
    });
  });

  it("refuses control characters and over-long text, naming the field", () => {
    const r = correctionOf(
      "penalty",
      penalty,
      { violationType: "a\u202eb", penaltyContent: "x".repeat(2001) },
      "2026-01-05",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.violationType).toContain("违法行为类型");
      expect(r.errors.penaltyContent).toBe("处罚内容不能超过 2000 个字");
    }
  });

  it("never offers the identifying fields (文号, 决定日期, 相对人): those are corrected by 撤销 and a new entry", () => {
    for (const fields of Object.values(CORRECTABLE))
      for (const f of fields)
        expect(["decisionNo", "decisionDate", "counterpartName", "subjectId"]).not.toContain(f.name);
  });
});

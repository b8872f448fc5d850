import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeChange, recordChangedFunctionSql, TRACKED_FIELDS } from "./provenance";

describe("describeChange — a public change as a reader reads it (issue 25 §2, P19)", () => {
  it("a 更正 names each field with its old and new value", () => {
    expect(
      describeChange("penalty", {
        action: "corrected",
        fields: [{ field: "fine_amount", from: 2, to: 1.5 }],
      }),
    ).toBe("更正：罚款金额（万元）由 2 改为 1.5");
  });
  it("a field kept without its values (a natural person's free text) is said to be corrected, nothing more", () => {
    expect(describeChange("penalty", { action: "corrected", fields: [{ field: "violation_facts" }] })).toBe(
      "更正：违法事实已更正",
    );
  });
  it("撤销, 修复 and 移出 stand alone; an empty value reads （空）; lists read with 、", () => {
    expect(describeChange("penalty", { action: "withdrawn", fields: [] })).toBe("撤销");
    expect(describeChange("list_entry", { action: "repaired", fields: [] })).toBe("信用修复");
    expect(
      describeChange("licence", {
        action: "corrected",
        fields: [{ field: "valid_to", from: null, to: "2030-01-01" }],
      }),
    ).toBe("更正：有效期至由 （空） 改为 2030-01-01");
    expect(
      describeChange("penalty", {
        action: "corrected",
        fields: [{ field: "penalty_types", from: ["警告"], to: ["警告", "罚款"] }],
      }),
    ).toBe("更正：处罚类别由 警告 改为 警告、罚款");
  });
  it("no internal field is tracked: remarks, who entered it, 核实中 and the withdrawal note stay out", () => {
    for (const fields of Object.values(TRACKED_FIELDS))
      for (const internal of [
        "remarks",
        "created_by",
        "updated_by",
        "under_verification",
        "withdrawn_reason",
      ])
        expect(Object.keys(fields)).not.toContain(internal);
  });
});

describe("record_changed() in SQL is the one list of tracked fields", () => {
  it("migration 0034 defines the trigger function exactly as recordChangedFunctionSql() prints it", () => {
    const migration = readFileSync(
      new URL("../../db/migrations/0034_provenance.sql", import.meta.url),
      "utf8",
    );
    expect(migration).toContain(recordChangedFunctionSql());
  });
});

import { describe, expect, it } from "vitest";
import { parseDisclosureFilters } from "./disclosure-filters";

describe("parseDisclosureFilters — 双公示 and list URL filters: bad values dropped with a message, never a 500", () => {
  it("keeps valid department, region, dates and page", () => {
    expect(
      parseDisclosureFilters({
        dept: "12",
        region: "360100",
        from: "2026-01-01",
        to: "2026-06-30",
        page: "3",
      }),
    ).toEqual({ dept: 12, region: "360100", from: "2026-01-01", to: "2026-06-30", page: 3, errors: [] });
  });
  it("drops a bad department, a region outside Jiangxi and a malformed date, each with a Chinese message", () => {
    const f = parseDisclosureFilters({ dept: "x1", region: "110000", from: "2026/01/01" });
    expect(Object.keys(f).sort()).toEqual(["errors", "page"]);
    expect(f.errors).toEqual([
      "部门参数无效，已忽略。",
      "地区参数无效，已忽略。",
      "起始日期“2026/01/01”格式应为 YYYY-MM-DD，已忽略。",
    ]);
  });
  it("says so when the start date is after the end date", () => {
    expect(parseDisclosureFilters({ from: "2026-07-01", to: "2026-06-30" }).errors).toEqual([
      "起始日期晚于截止日期，没有符合条件的记录。",
    ]);
  });
  it("takes the first of repeated values and falls back to page 1 outside 1–500", () => {
    expect(parseDisclosureFilters({ dept: ["3", "4"], page: "501" })).toMatchObject({ dept: 3, page: 1 });
    expect(parseDisclosureFilters({ page: "0" }).page).toBe(1);
  });
});

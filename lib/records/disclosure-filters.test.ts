import { describe, expect, it } from "vitest";
import { withUsccCheckChar } from "../subjects/uscc";
import { parseDisclosureFilters, parseRecordQuery } from "./disclosure-filters";

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

describe("parseRecordQuery — the 双公示 box takes a 文号, a USCC or a name (issue 21)", () => {
  it("a 文号 by its bracketed year or its closing 号", () => {
    expect(parseRecordQuery("赣环罚〔2026〕12号")).toEqual({
      kind: "decision_no",
      text: "赣环罚〔2026〕12号",
    });
    expect(parseRecordQuery("洪市监罚[2026]3")).toMatchObject({ kind: "decision_no" });
  });
  it("a valid USCC in any case and spacing; words of a name otherwise, at least 2 characters", () => {
    const code = withUsccCheckChar("91360100MA2Y1B2C3");
    expect(parseRecordQuery(`${code.slice(0, 8)} ${code.slice(8).toLowerCase()}`)).toEqual({
      kind: "uscc",
      code,
    });
    expect(parseRecordQuery("样例食品")).toEqual({
      kind: "name",
      text: "样例食品",
      folded: "样例食品",
      grams: ["样例", "例食", "食品"],
    });
    expect(parseRecordQuery("样")).toMatchObject({ kind: "invalid" });
  });
  it("the filters keep what was typed and say why a query was not used", () => {
    expect(parseDisclosureFilters({ q: "样" }).errors).toEqual([
      "名称请至少输入 2 个字，或输入完整的决定书文号。",
    ]);
    expect(parseDisclosureFilters({ q: "赣环罚〔2026〕12号" })).toMatchObject({
      q: "赣环罚〔2026〕12号",
      query: { kind: "decision_no" },
    });
  });
});

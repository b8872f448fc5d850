import { describe, expect, it } from "vitest";
import { csvValue, fileFooter, fileHeader, fileLine, publishedRow } from "./files";

const columns = [
  ["id", "记录编号"],
  ["name", "名称"],
  ["history", "变更记录"],
] as const;

describe("the open-data files' bytes (issue 25 §4)", () => {
  it("CSV: BOM and Chinese headers, one line a record, the history as one cell", () => {
    expect(fileHeader("csv", columns)).toBe("\uFEFF记录编号,名称,变更记录\r\n");
    const row = {
      id: 1,
      name: "甲公司",
      history: [{ at: "2026-12-01T10:00:00+08:00", text: "撤销", caseNo: "YY1" }],
    };
    expect(fileLine("csv", columns, row, true)).toBe("1,甲公司,2026-12-01T10:00:00+08:00 撤销（YY1）\r\n");
    expect(fileFooter("csv", false)).toBe("");
  });
  it("JSON: an array of the columns in order, null for what is missing, valid when empty", () => {
    const text =
      fileHeader("json", columns) +
      fileLine("json", columns, { id: 2, extra: "x" }, true) +
      fileFooter("json", false);
    expect(JSON.parse(text)).toEqual([{ id: 2, name: null, history: null }]);
    expect(JSON.parse(fileHeader("json", columns) + fileFooter("json", true))).toEqual([]);
  });
  it("only the dataset's columns are published; a plain value passes csvValue unchanged", () => {
    expect(Object.keys(publishedRow(columns, { id: 1, secret: "内部" }))).toEqual(["id", "name", "history"]);
    expect(csvValue(3)).toBe(3);
  });
});

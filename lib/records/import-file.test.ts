import { describe, expect, it } from "vitest";
import {
  createInFileChecks,
  missingHeaders,
  rowLimitProblem,
  sharedStringsProblem,
  sniffImportFile,
  XLSX_LIMITS,
  xlsxArchiveProblem,
} from "./import-file";

const bytes = (s: string) => new TextEncoder().encode(s);
const gbk = new Uint8Array([0xd0, 0xd0, 0xd5, 0xfe, 0xcf, 0xe0, 0xb6, 0xd4, 0xc8, 0xcb, 0x0a]); // 行政相对人\n in GBK

describe("sniffImportFile (issue 5 bad input: each a clear Chinese message)", () => {
  it("recognises CSV in UTF-8 (with or without BOM) and XLSX by content", () => {
    expect(sniffImportFile(bytes("行政相对人名称,统一社会信用代码\n"), "a.csv", 100)).toEqual({
      ok: true,
      format: "csv",
      encoding: "utf-8",
    });
    expect(sniffImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("a,b\n")]), "a.csv", 7)).toMatchObject({
      encoding: "utf-8",
    });
    expect(sniffImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), "a.xlsx", 5)).toMatchObject({
      format: "xlsx",
    });
  });
  it("detects a GBK-encoded CSV and reads it as GB 18030", () => {
    expect(sniffImportFile(gbk, "a.csv", gbk.length)).toEqual({
      ok: true,
      format: "csv",
      encoding: "gb18030",
    });
  });
  it("refuses a renamed .exe, an HTML page called .csv, an empty file and files past 50 MB", () => {
    const msg = (b: Uint8Array, name: string, size = b.length) => {
      const r = sniffImportFile(b, name, size);
      return r.ok ? "" : r.message;
    };
    expect(msg(new Uint8Array([0x4d, 0x5a, 0x90, 0]), "data.csv")).toContain("可执行程序");
    expect(msg(bytes("<!DOCTYPE html><html>"), "data.csv")).toContain("网页");
    expect(msg(new Uint8Array(), "data.csv", 0)).toContain("空");
    expect(msg(bytes("  \n"), "data.csv")).toContain("空");
    expect(msg(bytes("a,b"), "data.csv", 51 * 1048576)).toContain("50 MB");
    expect(msg(bytes("a,b"), "data.xlsx")).toContain("不是 Excel");
  });
});

describe("in-file checks (issue 5 §6: duplicates and USCC/name conflicts within the file)", () => {
  it("reports a repeated 决定书文号 against its first row", () => {
    const check = createInFileChecks();
    expect(check(2, "罚〔2026〕1号", "A", "甲公司")).toEqual([]);
    expect(check(9, "罚〔2026〕1号", "B", "乙公司")[0]?.reason).toBe("与第 2 行的决定书文号重复");
  });
  it("reports one USCC under two names", () => {
    const check = createInFileChecks();
    check(2, "1号", "91X", "甲公司");
    expect(check(3, "2号", "91X", "甲有限公司")[0]?.reason).toContain("第 2 行的名称为“甲公司”");
  });
  it("lists missing required headers", () => {
    expect(missingHeaders(["行政相对人名称"], ["行政相对人名称", "处罚决定日期"])).toEqual(["处罚决定日期"]);
  });
});

describe("XLSX archives — issue 20 N2: a zip bomb is refused before its rows are read", () => {
  const part = (name: string, inflatedBytes: number) => ({ name, compressedBytes: 1000, inflatedBytes });
  const workbook = [
    part("[Content_Types].xml", 1200),
    part("xl/workbook.xml", 800),
    part("xl/sharedStrings.xml", 30 * 1048576),
    part("xl/worksheets/sheet1.xml", 400 * 1048576),
  ];
  it("passes an ordinary large workbook", () => {
    expect(xlsxArchiveProblem(workbook)).toBeNull();
  });
  it("refuses shared strings inflating past 128 MB, as a 7 MB bomb's 5 GB do", () => {
    expect(
      xlsxArchiveProblem([...workbook.slice(0, 2), part("xl/sharedStrings.xml", 5 * 1024 ** 3)]),
    ).toMatch(/XLSX 文件解压后达 5120 MB，超过 1024 MB 的上限/);
    expect(xlsxArchiveProblem([part("xl/sharedStrings.xml", 200 * 1048576)])).toMatch(
      /共享字符串解压后达 200 MB，超过 128 MB/,
    );
  });
  it("refuses an archive of too many parts or too much inflated altogether", () => {
    expect(xlsxArchiveProblem(Array.from({ length: 201 }, (_, i) => part(`x/${i}.xml`, 10)))).toMatch(
      /201 个部件/,
    );
    expect(xlsxArchiveProblem([part("xl/worksheets/sheet1.xml", 1025 * 1048576)])).toMatch(/超过 1024 MB/);
  });
  it("counts shared strings and rows against their limits", () => {
    expect(sharedStringsProblem(XLSX_LIMITS.sharedStrings)).toBeNull();
    expect(sharedStringsProblem(XLSX_LIMITS.sharedStrings + 1)).toMatch(/2,000,000 个的上限/);
    expect(rowLimitProblem(500_000, 500_000)).toBeNull();
    expect(rowLimitProblem(500_001, 500_000)).toMatch(/超过 500,000 行的上限/);
  });
});

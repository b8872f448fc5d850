import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvRow } from "./csv";

/** A tiny RFC 4180 parser for one or more records (CRLF-terminated), written for this test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
      i++;
    } else if (ch === "\r" && text.charAt(i + 1) === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 2;
    } else if (ch === '"' || ch === "\r" || ch === "\n") {
      throw new Error(`RFC 4180 violation at ${i}: unquoted ${JSON.stringify(ch)}`);
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe("CSV_BOM (spec 3)", () => {
  it('is "\\uFEFF"', () => {
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

describe("csvCell — empty values and numbers (spec 3)", () => {
  it("null and undefined → empty cell", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
  it("numbers are String(v)", () => {
    expect(csvCell(0)).toBe("0");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(3.14)).toBe("3.14");
    expect(csvCell(12.5)).toBe("12.5");
  });
  it("spec 3: a negative number is NOT prefixed (it is data, not a formula)", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(-0.25)).toBe("-0.25");
  });
});

describe("csvCell — DOMAIN §12: cells starting with = + - @ (and tab, CR) are neutralised", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["-5", "'-5"], // a string, unlike the number -5
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])("%j → %j", (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it("a leading CR is neutralised and then the cell is quoted (it contains CR)", () => {
    expect(csvCell("\rx")).toBe(`"'\rx"`);
  });

  it("a formula character not at the start is left alone", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("1+1")).toBe("1+1");
    expect(csvCell("x@y.cn")).toBe("x@y.cn");
    expect(csvCell("南昌-九江")).toBe("南昌-九江");
  });
});

describe("csvCell — RFC 4180 quoting (spec 3)", () => {
  it("plain text (including Chinese) is not quoted", () => {
    expect(csvCell("abc")).toBe("abc");
    expect(csvCell("南昌市建设有限公司")).toBe("南昌市建设有限公司");
    expect(csvCell("")).toBe("");
  });
  it("comma → quoted", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
  });
  it("double quote → quoted with quotes doubled", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
  it("LF and CR → quoted", () => {
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });
  it('neutralisation then quoting: =1,2 → "\'=1,2"', () => {
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
  });
});

describe("csvRow (spec 3: joined with , and ended with CRLF)", () => {
  it("joins cells and ends with \\r\\n", () => {
    expect(csvRow(["a", 1, null, "b,c", undefined])).toBe('a,1,,"b,c",\r\n');
  });
  it("neutralises every cell", () => {
    expect(csvRow(["=1", "@x", -3, "-3"])).toBe("'=1,'@x,-3,'-3\r\n");
  });
  it("a single cell", () => {
    expect(csvRow(["南昌"])).toBe("南昌\r\n");
  });
});

describe("round trip (spec 3 / RFC 4180): parsing a produced row gives the neutralised values back", () => {
  it("hostile and awkward values survive a parse", () => {
    const values = [
      "南昌市建设有限公司",
      'He said "no", twice',
      "line1\r\nline2",
      "only\nLF",
      "=cmd|' /C calc'!A0",
      "+86 791",
      "-1",
      "@import",
      "\tlead",
      -12.5,
      0,
      null,
      undefined,
      "",
      "a,b,c",
      '"',
    ];
    const expected = values.map((v) => {
      if (v === null || v === undefined) return "";
      if (typeof v === "number") return String(v);
      return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    });
    const line = csvRow(values);
    expect(line.endsWith("\r\n")).toBe(true);
    expect(parseCsv(line)).toEqual([expected]);
  });

  it("several rows after a BOM parse back row by row", () => {
    const a = ["统一社会信用代码", "名称"];
    const b = ["91350100M000100Y43", '某"公司",南昌'];
    const text = CSV_BOM + csvRow(a) + csvRow(b);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([a, b]);
  });
});

import { describe, expect, it } from "vitest";
import { nameGrams } from "./grams";
import { withIdCheckChar } from "./id-number";
import {
  escapeLike,
  ID_SHAPED_INVALID,
  initialsChunks,
  initialsPattern,
  MAX_QUERY_CHARS,
  NOTHING_TO_SEARCH,
  parseSearchQuery,
} from "./search-query";
import { withUsccCheckChar } from "./uscc";

// ---------------------------------------------------------------------------
// Independent references from DOMAIN §1 (GB 32100 / GB 11643), used only to prove the test vectors are what
// the test claims they are (valid / invalid), not to compute the module's answers.
// ---------------------------------------------------------------------------
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function refUsccValid(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(code.charAt(i)) * (USCC_W[i] as number);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31) === code.charAt(17);
}
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function refIdValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id.charAt(i)) * (ID_W[i] as number);
  return "10X98765432".charAt(sum % 11) === id.charAt(17);
}

describe("test vectors (DOMAIN §1 references)", () => {
  it("91350100M000100Y43 is a valid USCC and 11010519491231002X a valid ID number", () => {
    expect(refUsccValid("91350100M000100Y43")).toBe(true);
    expect(refIdValid("11010519491231002X")).toBe(true);
  });
  it("the invalid vectors are neither a valid USCC nor a valid ID number", () => {
    for (const v of ["91350100M000100Y44", "110105194912310021", "ABC123DEF456GHI", "12345678901234567890"]) {
      expect(refUsccValid(v)).toBe(false);
      expect(refIdValid(v)).toBe(false);
    }
  });
});

describe("parseSearchQuery — empty (spec 1: null/undefined/blank/whitespace/control chars)", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["empty string", ""],
    ["spaces", "    "],
    ["tabs and newlines", "\t\r\n "],
    ["ideographic space", "\u3000\u3000"],
    ["control chars only", "\u0000\u0001\u001f\u007f"],
  ])("%s → empty", (_label, raw) => {
    expect(parseSearchQuery(raw)).toEqual({ kind: "empty" });
  });
});

function expectInvalid(raw: string): string {
  const q = parseSearchQuery(raw);
  expect(q.kind).toBe("invalid");
  if (q.kind !== "invalid") throw new Error("unreachable");
  expect(typeof q.message).toBe("string");
  expect(q.message.trim().length).toBeGreaterThan(0);
  expect(q.message).toMatch(/[\u4e00-\u9fff]/); // the message is Chinese
  return q.message;
}

describe("parseSearchQuery — invalid (spec 1)", () => {
  it(`more than ${MAX_QUERY_CHARS} characters: a 1,000-character query is invalid`, () => {
    expectInvalid("南".repeat(1000));
    expectInvalid("a".repeat(1000));
  });

  it("spec 1: the limit is 50 code points — 51 Chinese characters invalid, 50 not", () => {
    expect(MAX_QUERY_CHARS).toBe(50);
    expectInvalid("南".repeat(51));
    expect(parseSearchQuery("南".repeat(50)).kind).toBe("name");
  });

  it("spec 1: length counted in code points — 50 supplementary-plane characters (100 UTF-16 units) are not too long, 51 are", () => {
    const fifty = "𠀀".repeat(50);
    expect(fifty.length).toBe(100);
    expect(parseSearchQuery(fifty).kind).toBe("name");
    expectInvalid("𠀀".repeat(51));
  });

  it("spec 1: a single Chinese character is invalid", () => {
    expectInvalid("南");
    expectInvalid("  南  ");
  });

  it("spec 1: a single latin letter is invalid", () => {
    expectInvalid("a");
    expectInvalid("Z");
  });

  it("spec 1 / DOMAIN §1: a USCC with a wrong check character is invalid and the message mentions 校验位", () => {
    const msg = expectInvalid("91350100M000100Y44");
    expect(msg).toMatch(/校验位/);
  });

  it("spec 1 / DOMAIN §1: a USCC-like string of the wrong length says why (length / 18 位)", () => {
    const msg = expectInvalid("91350100M000100Y4"); // 17 chars
    expect(msg).toMatch(/18|长度/);
    const msg19 = expectInvalid("91350100M000100Y430"); // 19 chars
    expect(msg19).toMatch(/18|长度/);
  });

  it("spec 1 / DOMAIN §1: a USCC containing a letter outside the alphabet (I O S V Z) is invalid", () => {
    expectInvalid("91350100M000100I43");
  });

  it("spec 1 / DOMAIN §1 (GB 11643): 18 digits with a wrong ID check digit are invalid", () => {
    expectInvalid("110105194912310021");
  });

  it("spec 1: 15–20-char alphanumerics with a digit that are neither USCC nor ID number are invalid", () => {
    expectInvalid("ABC123DEF456GHI"); // 15
    expectInvalid("abc123def456ghi"); // 15, lower case
    expectInvalid("12345678901234567890"); // 20
    expectInvalid("1234567890123456"); // 16
  });
});

describe("parseSearchQuery — uscc (spec 1, DOMAIN §1 GB 32100)", () => {
  it.each([
    ["canonical", "91350100M000100Y43"],
    ["lower case", "91350100m000100y43"],
    ["spaces", "9135 0100 M000 100Y43"],
    ["hyphens", "9135-0100-M000-100Y43"],
    ["full-width", "９１３５０１００Ｍ０００１００Ｙ４３"],
    ["surrounding whitespace", "  91350100M000100Y43\t"],
  ])("%s → code 91350100M000100Y43", (_label, raw) => {
    expect(parseSearchQuery(raw)).toEqual({ kind: "uscc", code: "91350100M000100Y43" });
  });
});

describe("parseSearchQuery — id_number (spec 1, DOMAIN §1 GB 11643)", () => {
  it("a valid 18-digit ID number", () => {
    expect(parseSearchQuery("11010519491231002X")).toEqual({
      kind: "id_number",
      idNumber: "11010519491231002X",
    });
  });
  it("lower-case x is accepted", () => {
    const q = parseSearchQuery("11010519491231002x");
    expect(q.kind).toBe("id_number");
    if (q.kind !== "id_number") throw new Error("unreachable");
    expect(q.idNumber.toUpperCase()).toBe("11010519491231002X");
  });
});

describe("parseSearchQuery — initials (spec 1: 2+ latin letters only, lower-cased)", () => {
  it.each([
    ["NCJS", "ncjs"],
    ["ncjs", "ncjs"],
    ["Ab", "ab"],
    ["  JXGS  ", "jxgs"],
  ])("%s → %s", (raw, initials) => {
    expect(parseSearchQuery(raw)).toEqual({ kind: "initials", initials, readings: [] });
  });
});

describe("parseSearchQuery — name (spec 1)", () => {
  it("南昌建设 → grams 南昌, 昌建, 建设", () => {
    expect(parseSearchQuery("南昌建设")).toEqual({
      kind: "name",
      text: "南昌建设",
      fragments: ["南昌建设"],
      grams: ["南昌", "昌建", "建设"],
    });
  });

  it("text is trimmed", () => {
    const q = parseSearchQuery("  南昌建设  ");
    expect(q).toEqual({
      kind: "name",
      text: "南昌建设",
      fragments: ["南昌建设"],
      grams: ["南昌", "昌建", "建设"],
    });
  });

  it("two Chinese characters give one gram", () => {
    expect(parseSearchQuery("南昌")).toEqual({
      kind: "name",
      text: "南昌",
      fragments: ["南昌"],
      grams: ["南昌"],
    });
  });

  it("full-width ASCII is folded by NFKC; grams are lower-cased, text keeps case", () => {
    expect(parseSearchQuery("ＡＢＣ公司")).toEqual({
      kind: "name",
      text: "ABC公司",
      fragments: ["abc公司"],
      grams: ["ab", "bc", "c公", "公司"],
    });
  });

  it("grams are distinct", () => {
    expect(parseSearchQuery("哈哈哈哈")).toMatchObject({ kind: "name", text: "哈哈哈哈", grams: ["哈哈"] });
  });

  it("a supplementary-plane character counts as one character in grams", () => {
    expect(parseSearchQuery("南昌𠀀")).toMatchObject({ kind: "name", grams: ["南昌", "昌𠀀"] });
  });

  it("mixed letters, digits and Chinese that match no other kind are a name", () => {
    expect(parseSearchQuery("南昌1号").kind).toBe("name");
    expect(parseSearchQuery("A1").kind).toBe("name");
  });
});

describe("parseSearchQuery — hostile input never throws and gives name or invalid (spec 1)", () => {
  it.each([
    "'; DROP TABLE subjects;--",
    "<script>alert(1)</script>",
    "%",
    "_",
    "\\",
    "%%",
    "__",
    "\\\\",
    "100%_a\\b",
    "南昌%",
    "南昌_建设",
    "😀",
    "😀😀",
    "👨‍👩‍👧‍👦",
    "\ud800", // lone surrogate
    "南\u0000昌",
  ])("%j", (raw) => {
    let q: ReturnType<typeof parseSearchQuery> | undefined;
    expect(() => {
      q = parseSearchQuery(raw);
    }).not.toThrow();
    expect(["name", "invalid"]).toContain(q?.kind);
  });

  it("SQL-like text is kept as text, not stripped into something else", () => {
    const q = parseSearchQuery("'; DROP TABLE subjects;--");
    // the kind first: asserting only inside an `if` could never fail
    expect(q.kind).toBe("name");
    expect(q.kind === "name" ? q.text : null).toBe("'; DROP TABLE subjects;--");
  });
});

describe("nameGrams (spec 1)", () => {
  it("distinct 2-character substrings, lower-cased", () => {
    expect(nameGrams("南昌建设")).toEqual(["南昌", "昌建", "建设"]);
    expect(nameGrams("ABab")).toEqual(["ab", "ba"]);
  });
  it("code points: emoji are one character", () => {
    expect(nameGrams("😀南😀")).toEqual(["😀南", "南😀"]);
  });
  it("a 1-character text gives [text lower-cased]", () => {
    expect(nameGrams("南")).toEqual(["南"]);
    expect(nameGrams("A")).toEqual(["a"]);
    expect(nameGrams("😀")).toEqual(["😀"]);
  });
});

describe("escapeLike (spec 1: backslash before each of \\ % _)", () => {
  it('"100%_a\\b" → "100\\%\\_a\\\\b"', () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
  it("leaves other text alone", () => {
    expect(escapeLike("南昌建设")).toBe("南昌建设");
    expect(escapeLike("")).toBe("");
  });
  it("escapes every occurrence", () => {
    expect(escapeLike("%%__\\\\")).toBe("\\%\\%\\_\\_\\\\\\\\");
  });
});

// Initials are read in pairs, the initials of two-character words, in order with anything between:
// ncjs → 南昌…建设… (issue 4's example); a letter-by-letter pattern matched almost every 南昌…集团…司.
describe("initials are matched as ordered letter pairs", () => {
  it('"ncjs" → chunks nc, js and pattern "%nc%js%"', () => {
    expect(initialsChunks("ncjs")).toEqual(["nc", "js"]);
    expect(initialsPattern("ncjs")).toBe("%nc%js%");
  });
  it("an odd last letter stands alone", () => {
    expect(initialsChunks("ncj")).toEqual(["nc", "j"]);
    expect(initialsPattern("ncj")).toBe("%nc%j%");
  });
  it('"ab" → "%ab%"', () => {
    expect(initialsPattern("ab")).toBe("%ab%");
  });
  it("the pattern matches 南昌…建设… initials and not a scattered subsequence", () => {
    const like = (pattern: string, text: string) => new RegExp(`^${pattern.replace(/%/g, ".*")}$`).test(text);
    expect(like(initialsPattern("ncjs"), "ncqhjsgcyxgs")).toBe(true); // 南昌青禾建设工程有限公司
    expect(like(initialsPattern("ncjs"), "ncxsyylsjtyxgs")).toBe(false); // 南昌西盛医药连锁集团有限公司
  });
});

describe("an ID number with a wrong check digit (issue 21, DOMAIN §2)", () => {
  it("is refused without repeating it, and marked personal so that no URL carries it", () => {
    const good = withIdCheckChar("36010219900101123");
    const bad = `${good.slice(0, 17)}${good.endsWith("0") ? "1" : "0"}`;
    const q = parseSearchQuery(bad);
    expect(q).toEqual({ kind: "invalid", personal: true, message: ID_SHAPED_INVALID });
    expect(JSON.stringify(q)).not.toContain(bad.slice(6, 14));
  });
});

describe("parseSearchQuery — a search that forgives (issue 25 §1)", () => {
  it("fragments separated by spaces or 、，, must all match", () => {
    expect(parseSearchQuery("森航 建设")).toMatchObject({ kind: "name", fragments: ["森航", "建设"] });
    expect(parseSearchQuery("森航、建设，工程,有限")).toMatchObject({
      fragments: ["森航", "建设", "工程", "有限"],
    });
  });
  it("traditional and full-width forms fold to what the index holds", () => {
    expect(parseSearchQuery("江西省贛鄱建設集團")).toMatchObject({
      kind: "name",
      fragments: ["江西省赣鄱建设集团"],
    });
  });
  it("only spaces or punctuation: a Chinese message, no search", () => {
    for (const raw of ["、，,", "!!!", "。。。"]) expect(expectInvalid(raw)).toBe(NOTHING_TO_SEARCH);
  });
  it("a 10,000-character string or 1,000 fragments are refused as too long, with no work done", () => {
    expect(expectInvalid("南".repeat(10_000))).toMatch(/过长/);
    expect(expectInvalid(Array(1000).fill("南昌").join(" "))).toMatch(/过长/);
  });
  it("letters with spaces are pinyin; mixed scripts are a name", () => {
    expect(parseSearchQuery("nanc senhang")).toMatchObject({ kind: "initials", initials: "nancsenhang" });
    expect(parseSearchQuery("南昌ABC")).toMatchObject({ kind: "name", fragments: ["南昌abc"] });
  });
  it("a USCC with one wrong character carries its valid neighbours", () => {
    const code = withUsccCheckChar("91360100MA2Y1B2C3");
    const wrong = `${code.slice(0, 17)}${code.endsWith("0") ? "1" : "0"}`;
    const q = parseSearchQuery(wrong);
    expect(q).toMatchObject({ kind: "invalid" });
    expect(q.kind === "invalid" ? q.neighbours : []).toContain(code);
  });
});

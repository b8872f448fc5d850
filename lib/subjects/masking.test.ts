import { describe, expect, it } from "vitest";
import { isPersonRecord, maskIdNumber, maskPersonName } from "./masking";

describe("maskPersonName — DOMAIN §2: first character kept, every other character *", () => {
  it("张三 → 张* (DOMAIN §2 example)", () => {
    expect(maskPersonName("张三")).toBe("张*");
  });
  it("欧阳娜娜 → 欧*** (DOMAIN §2 example)", () => {
    expect(maskPersonName("欧阳娜娜")).toBe("欧***");
  });
  it("three characters: 李小明 → 李**", () => {
    expect(maskPersonName("李小明")).toBe("李**");
  });
  it("a one-character name has nothing else to star", () => {
    expect(maskPersonName("王")).toBe("王");
  });
  it("counts characters, not UTF-16 code units (CJK Ext. B surname 𠀋)", () => {
    // U+2000B is a surrogate pair in UTF-16; it is one character and must not be split
    expect(maskPersonName("𠀋小明")).toBe("𠀋**");
    expect(maskPersonName("张𠀋")).toBe("张*");
  });
  it("never reveals any character after the first", () => {
    const name = "司马相如";
    const masked = maskPersonName(name);
    for (const c of Array.from(name).slice(1)) expect(masked).not.toContain(c);
  });
});

describe("maskIdNumber — DOMAIN §2: first 6 and last 4 kept, 8 birth-date digits starred", () => {
  it("360102199001011234 → 360102********1234 (DOMAIN §2 example shape)", () => {
    expect(maskIdNumber("360102199001011234")).toBe("360102********1234");
  });
  it("keeps a check character X in the last 4", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
  });
  it("result has 18 characters and no birth-date digits", () => {
    const masked = maskIdNumber("440524188001010014");
    expect(masked).toHaveLength(18);
    expect(masked.slice(6, 14)).toBe("********");
    expect(masked).not.toContain("18800101");
  });
});

describe("isPersonRecord (DOMAIN §2: one rule for pages, exports and the API)", () => {
  it("is a person when either the record's category or the subject's kind says so", () => {
    expect(isPersonRecord({ counterpartCategory: "natural_person", subjectKind: "legal_person" })).toBe(true);
    expect(isPersonRecord({ counterpartCategory: "legal_entity", subjectKind: "natural_person" })).toBe(true);
    expect(isPersonRecord({ counterpartCategory: "legal_entity", subjectKind: "legal_person" })).toBe(false);
  });
});

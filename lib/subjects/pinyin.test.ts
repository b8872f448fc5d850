import { describe, expect, it } from "vitest";
import { matchesPinyin, pinyinInitials, pinyinReadings } from "./pinyin";

describe("pinyinInitials — search by initials (南昌建设 → ncjs)", () => {
  it("gives lower-case initials of Chinese characters", () => {
    expect(pinyinInitials("南昌建设")).toBe("ncjs");
  });
  it("keeps Latin letters and digits, drops punctuation", () => {
    expect(pinyinInitials("赣州ABC物流（演示）")).toBe("gzabcwlys");
    expect(pinyinInitials("九江3号")).toBe("jj3h");
  });
});

describe("full pinyin, whole or in part (issue 25 §1)", () => {
  it("nancsenhang reads as the initials ncsh", () => {
    expect(pinyinReadings("nancsenhang")).toContain("ncsh");
  });
  it("xian may be 西安 (xa) as well as one syllable", () => {
    expect(pinyinReadings("xian")).toContain("xa");
  });
  it("pure initials and non-letters have no full-pinyin reading", () => {
    expect(pinyinReadings("ncjs")).toEqual([]);
    expect(pinyinReadings("南昌")).toEqual([]);
    expect(pinyinReadings("x".repeat(41))).toEqual([]);
  });
  it.each(["nancsenhang", "nanchangsenhang", "senhangjianshe", "ncsh", "nanchangsh"])(
    "南昌森航建设 matches %s",
    (q) => {
      expect(matchesPinyin("南昌森航建设工程有限公司", q)).toBe(true);
    },
  );
  it("characters must be consecutive and in order", () => {
    expect(matchesPinyin("南昌森航建设工程有限公司", "nanchangjianshe")).toBe(false);
    expect(matchesPinyin("南昌森航建设工程有限公司", "senhangnanchang")).toBe(false);
  });
});

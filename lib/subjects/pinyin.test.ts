import { describe, expect, it } from "vitest";
import { pinyinInitials } from "./pinyin";

describe("pinyinInitials — search by initials (南昌建设 → ncjs)", () => {
  it("gives lower-case initials of Chinese characters", () => {
    expect(pinyinInitials("南昌建设")).toBe("ncjs");
  });
  it("keeps Latin letters and digits, drops punctuation", () => {
    expect(pinyinInitials("赣州ABC物流（演示）")).toBe("gzabcwlys");
    expect(pinyinInitials("九江3号")).toBe("jj3h");
  });
});

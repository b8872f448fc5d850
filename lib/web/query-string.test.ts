import { describe, expect, it } from "vitest";
import { firstParam, intParam, pageParam, returnPath } from "./query-string";

describe("firstParam (issue 9 §9: a NUL in a filter never reaches the database)", () => {
  it("takes the first value and drops control and direction-override characters", () => {
    expect(firstParam(["甲\u0000乙", "丙"])).toBe("甲乙");
    expect(firstParam("a\u202eb\u0001")).toBe("ab");
    expect(firstParam("南昌 建工")).toBe("南昌 建工");
    expect(firstParam(undefined)).toBeUndefined();
  });
});

describe("intParam and pageParam (issue 20 N12: an overflowing number in a URL is no number, never a 500)", () => {
  it("takes plain digits within the range", () => {
    expect(intParam("42")).toBe(42);
    expect(intParam(["7", "8"])).toBe(7);
    expect(intParam("2147483647")).toBe(2_147_483_647);
    expect(intParam("2020", { min: 2000, max: 2100 })).toBe(2020);
  });
  it("refuses overflow, exponents, signs, fractions, hex and out-of-range values", () => {
    for (const v of [
      "99999999999999999999",
      "1e309",
      "1e3",
      "-1",
      "0",
      "1.5",
      "0x10",
      " ",
      "",
      "Infinity",
      "NaN",
    ])
      expect(intParam(v)).toBeUndefined();
    expect(intParam("2147483648")).toBeUndefined();
    expect(intParam("1999", { min: 2000, max: 2100 })).toBeUndefined();
  });
  it("falls back to page 1 for any page it cannot take", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam("99999999999999999999")).toBe(1);
    expect(pageParam("100001")).toBe(1);
    expect(pageParam(undefined)).toBe(1);
  });
});

describe("returnPath — a sign-in returns to the form with its query (issue 21)", () => {
  it("keeps the path and the query of this site's address", () => {
    expect(returnPath("/business/repairs/new?type=penalty&id=12")).toBe(
      "/business/repairs/new?type=penalty&id=12",
    );
  });
  it("gives nothing for another site or a protocol-relative address", () => {
    expect(returnPath("https://evil.example/business")).toBeUndefined();
    expect(returnPath("//evil.example/business")).toBeUndefined();
    expect(returnPath(undefined)).toBeUndefined();
  });
});

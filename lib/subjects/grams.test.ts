import { describe, expect, it } from "vitest";
import { nameGrams } from "./grams";

describe("nameGrams — the bigrams the SQL function cjk_grams() indexes", () => {
  it("every distinct two-character substring, lower-cased; one character is its own gram", () => {
    expect(nameGrams("南昌建设")).toEqual(["南昌", "昌建", "建设"]);
    expect(nameGrams("AB公司")).toEqual(["ab", "b公", "公司"]);
    expect(nameGrams("哈哈哈")).toEqual(["哈哈"]);
    expect(nameGrams("南")).toEqual(["南"]);
  });
});

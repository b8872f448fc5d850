import { describe, expect, it } from "vitest";
import { searchExampleOf } from "./search-example";

describe("searchExampleOf — examples the search box offers are words of a real name (issue 21)", () => {
  it("drops the legal form and the demo mark, keeps the name's last words, with their initials", () => {
    expect(searchExampleOf("东湖区恒泰建材有限公司")).toEqual({ words: "恒泰建材", initials: "htjc" });
    expect(searchExampleOf("南昌样例食品股份有限公司（演示）")).toEqual({
      words: "样例食品",
      initials: "ylsp",
    });
  });
  it("a 集团有限公司 loses both words", () => {
    expect(searchExampleOf("广信晟昇体育发展集团有限公司（演示）")).toEqual({
      words: "体育发展",
      initials: "tyfz",
    });
  });
  it("a name too short to cut gives no example", () => {
    expect(searchExampleOf("某有限公司")).toBeNull();
  });
});

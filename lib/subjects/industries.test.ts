import { describe, expect, it } from "vitest";
import { INDUSTRIES, industryLabel } from "./industries";

describe("industries — GB/T 4754—2017 门类 A–T, for supervision pools and grade lists", () => {
  it("has the twenty 门类, A to T", () => {
    expect(Object.keys(INDUSTRIES)).toEqual("ABCDEFGHIJKLMNOPQRST".split(""));
  });
  it("labels a letter with its name, keeps an unknown code, and names a missing one 未分类", () => {
    expect(industryLabel("C")).toBe("C 制造业");
    expect(industryLabel("Z")).toBe("Z");
    expect(industryLabel(null)).toBe("未分类");
  });
});

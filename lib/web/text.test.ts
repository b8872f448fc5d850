import { describe, expect, it } from "vitest";
import { z } from "zod";
import { penaltyInputSchema } from "../records/record-input";
import { buildAtomFeed } from "./atom";
import { plainText, stripXmlForbidden, textProblem } from "./text";

describe("text that people type (issue 9 §8, §9)", () => {
  it("refuses C0 and C1 control characters, NUL included, in a name", () => {
    for (const bad of ["a\u0000b", "甲\u0001乙", "甲\u001f", "甲\u007f", "甲\u0085乙", "甲\n乙", "甲\t乙"])
      expect(textProblem(bad), JSON.stringify(bad)).toMatch(/控制字符/);
    expect(textProblem("江西赣江建工有限公司（演示）")).toBeNull();
  });

  it("refuses bidirectional overrides and isolates (a name displayed reversed)", () => {
    for (const bad of ["\u202egpj.exe有限公司", "甲\u202a乙", "甲\u2066乙\u2069", "甲\u200f"])
      expect(textProblem(bad)).toMatch(/文字方向/);
  });

  it("refuses U+FEFF, zero-width spaces and the Unicode line and paragraph separators (issue 20 N16)", () => {
    for (const bad of ["\ufeff江西某公司", "江西\u200b某公司", "甲\u2060乙", "甲\u2028乙", "甲\u2029乙"]) {
      expect(textProblem(bad), JSON.stringify(bad)).toMatch(/看不见的字符/);
      expect(textProblem(bad, { multiline: true }), JSON.stringify(bad)).toMatch(/看不见的字符/);
    }
  });

  it("keeps ordinary line breaks and tabs in a long text, nothing else", () => {
    expect(textProblem("经查：\r\n一、……\n二、……\t完", { multiline: true })).toBeNull();
    expect(textProblem("经查\u0000", { multiline: true })).toMatch(/控制字符/);
    expect(textProblem("经查\u202e", { multiline: true })).toMatch(/文字方向/);
  });

  it("names the field in its Chinese message", () => {
    const r = z.string().superRefine(plainText("企业名称")).safeParse("甲\u0000");
    expect(r.success ? null : r.error.issues[0]?.message).toBe(
      "企业名称含有换行或不可见的控制字符，请删除后重试",
    );
  });

  it("zod's own messages are Chinese, e.g. a length limit left unworded", () => {
    const r = z.string().max(3).safeParse("四个字符");
    expect(r.success ? null : r.error.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("the record schema refuses a control character in 行政相对人名称 but keeps line breaks in 违法事实", () => {
    const base = {
      counterpartName: "赣江建工有限公司（演示）",
      counterpartCategory: "legal_entity",
      uscc: "91360100MA35NR5X3J",
      decisionNo: "赣市监罚〔2026〕1号",
      violationType: "虚假宣传",
      violationFacts: "经查：\n一、……",
      legalBasis: "《广告法》",
      penaltyTypes: ["警告"],
      penaltyContent: "警告",
      decisionDate: "2026-01-05",
    };
    const ok = penaltyInputSchema("2026-11-30").safeParse(base);
    const bad = penaltyInputSchema("2026-11-30").safeParse({ ...base, counterpartName: "赣江\u0001建工" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path[0])).toContain("counterpartName");
    if (!ok.success) expect(ok.error.issues.map((i) => i.path[0])).not.toContain("violationFacts");
  });
});

describe("feeds stay well-formed XML (issue 9 §8)", () => {
  it("drops characters XML 1.0 forbids and keeps the rest, emoji included", () => {
    expect(stripXmlForbidden("甲\u0001乙\u000b丙\ufffe😀\ud800丁\n")).toBe("甲乙丙😀丁\n");
  });
  it("a name with U+0001 still gives a feed without forbidden characters", () => {
    const xml = buildAtomFeed({
      id: "x",
      title: "t",
      updated: "2026-01-01T00:00:00Z",
      selfLink: "s",
      alternateLink: "a",
      entries: [{ id: "e", title: "甲\u0001乙", updated: "2026-01-01T00:00:00Z", link: "l", summary: "s" }],
    });
    expect(xml).toContain("<title>甲乙</title>");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)).toBe(false);
  });
});

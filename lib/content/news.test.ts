import { describe, expect, it } from "vitest";
import { NEWS_CATEGORIES, NEWS_CATEGORY_LABEL, newsEventProblem, newsPath } from "./news";

describe("news items — issue 13 §3: 草稿 → 已发布 → 已撤回", () => {
  it("publishing: from a draft or a withdrawn item, never twice", () => {
    expect(newsEventProblem("draft", "publish")).toBeNull();
    expect(newsEventProblem("withdrawn", "publish")).toBeNull();
    expect(newsEventProblem("published", "publish")).toBe("该稿件已发布。");
  });
  it("withdrawing: only what is published", () => {
    expect(newsEventProblem("published", "withdraw")).toBeNull();
    expect(newsEventProblem("draft", "withdraw")).toMatch(/只有已发布/);
    expect(newsEventProblem("withdrawn", "withdraw")).toMatch(/只有已发布/);
  });
  it("edits are allowed in every state (audited by the service)", () => {
    for (const s of ["draft", "published", "withdrawn"] as const)
      expect(newsEventProblem(s, "edit")).toBeNull();
  });
  it("政策法规 are read under /policies, the other columns under /news; every column has a label", () => {
    expect(newsPath({ id: 3, category: "policy" })).toBe("/policies/3");
    expect(newsPath({ id: 4, category: "case" })).toBe("/news/4");
    expect(NEWS_CATEGORIES.map((c) => NEWS_CATEGORY_LABEL[c])).toEqual([
      "政策法规",
      "工作动态",
      "典型案例",
      "信用知识",
    ]);
  });
});

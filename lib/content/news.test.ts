import { describe, expect, it } from "vitest";
import {
  NEWS_CATEGORIES,
  NEWS_CATEGORY_LABEL,
  NEWS_FORM_MAX_BYTES,
  newsEventProblem,
  newsFormSizeProblem,
  newsPath,
} from "./news";

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

describe("a news form's size — issue 20 N8: five 10 MB attachments and the text fit, more is refused in Chinese", () => {
  it("takes five attachments of 10 MB with the text, and refuses past 52 MB with the size", () => {
    expect(NEWS_FORM_MAX_BYTES).toBe(52 * 1024 * 1024);
    expect(newsFormSizeProblem(5 * 10 * 1024 * 1024 + 300_000)).toBeNull();
    expect(newsFormSizeProblem(60 * 1024 * 1024)).toBe(
      "稿件和附件合计超过 52 MB（当前 60.0 MB）：附件最多 5 个，每个不超过 10 MB，请减少附件后重试。",
    );
  });
});

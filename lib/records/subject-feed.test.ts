import { describe, expect, it } from "vitest";
import { subjectFeedEntries } from "./subject-feed";

const facts = {
  penalties: [
    {
      id: 7,
      decisionNo: "洪罚〔2026〕1号",
      decisionDate: "2026-05-01",
      violationType: "虚假宣传",
      authority: "南昌市市场监督管理局",
      publicUntil: "2026-08-01",
    },
  ],
  licences: [
    {
      id: 9,
      decisionNo: "赣许〔2026〕2号",
      decisionTitle: "食品经营许可",
      decisionDate: "2026-06-01",
      authority: "南昌市行政审批局",
    },
  ],
  entries: [
    {
      id: 3,
      kind: "serious_dishonesty" as const,
      listName: "严重违法失信名单",
      decisionDate: "2026-07-01",
      validUntil: "2029-06-30",
      dept: "江西省市场监督管理局",
    },
    {
      id: 4,
      kind: "red" as const,
      listName: "A级纳税人",
      decisionDate: null,
      validUntil: null,
      dept: "国家税务总局江西省税务局",
    },
  ],
  breaches: [],
  removals: [
    {
      entryId: 2,
      kind: "key_attention" as const,
      listName: "经营异常名录",
      on: "2026-04-01",
      reason: "信用修复",
    },
  ],
};

describe("subjectFeedEntries — issue 13 §6: a subject's new public records and list changes, newest first", () => {
  it("orders by date, newest first, each linked to its public page", () => {
    const e = subjectFeedEntries(facts, "https://x.test");
    expect(e.map((x) => x.title)).toEqual([
      "列入严重违法失信名单",
      "行政许可：食品经营许可（赣许〔2026〕2号）",
      "行政处罚：虚假宣传（洪罚〔2026〕1号）",
      "移出经营异常名录",
    ]);
    expect(e[0]?.link).toBe("https://x.test/lists/serious-dishonesty/3");
    expect(e[0]?.updated).toBe("2026-06-30T16:00:00.000Z");
  });
  it("an entry without a decision date is left out rather than dated wrongly", () => {
    expect(subjectFeedEntries(facts, "o").some((x) => x.title.includes("A级纳税人"))).toBe(false);
  });
  it("keeps at most the newest `limit`", () => {
    expect(subjectFeedEntries(facts, "o", 2)).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { type ReportSnapshot, reportDocument } from "./report-document";

const snapshot: ReportSnapshot = {
  name: "南昌样例有限公司（演示）",
  uscc: "91360102MAE2E00010",
  kindLabel: "企业法人",
  regionName: "东湖区",
  legalRepresentative: "样例代表",
  address: null,
  registeredOn: "2020-01-01",
  penalties: [
    {
      decisionNo: "洪罚〔2026〕1号",
      decisionDate: "2026-01-05",
      violationType: "虚假宣传",
      penaltyTypes: ["罚款"],
      penaltyContent: "罚款 2 万元",
      severity: "general",
      publicUntil: "2026-04-05",
      underVerification: true,
      authority: "南昌市市场监督管理局",
    },
  ],
  licences: { current: [], history: [] },
  lists: { red: [], seriousDishonesty: [], keyAttention: [], marketBan: [] },
  commitments: [],
  selfReports: [],
  grade: {
    grade: "A",
    score: 100,
    ruleVersion: "2026.1",
    asOf: "2026-03-01",
    contributions: [{ label: "行政处罚异议核实中，暂不计入", points: 0, cap: null }],
  },
};
const opts = { reportNo: "XY20260301000001", generatedAt: "2026年3月1日 10:00:00" };

describe("reportDocument — DOMAIN §10: everything public at the moment, and nothing more", () => {
  it("the public copy has the nine sections, the number among its facts, and no private section", () => {
    const d = reportDocument(snapshot, { ...opts, edition: "public" });
    expect(d.sections.map((s) => s.heading.slice(0, 2))).toEqual([
      "一、",
      "二、",
      "三、",
      "四、",
      "五、",
      "六、",
      "七、",
      "八、",
      "九、",
    ]);
    expect(d.facts).toContainEqual(["报告编号", "XY20260301000001"]);
    expect(d.sections.some((s) => s.private)).toBe(false);
  });
  it("a record under objection says so (DOMAIN §8 核实中)", () => {
    const d = reportDocument(snapshot, { ...opts, edition: "public" });
    expect(d.sections[1]?.items[0]?.title).toBe("虚假宣传（异议核实中）");
  });
  it("the grade is explained from its start, line by line (DOMAIN §9)", () => {
    const g = reportDocument(snapshot, { ...opts, edition: "public" }).sections[8];
    expect(g?.items[0]?.title).toBe("A 级（优），100 分");
    expect(g?.items[0]?.fields).toEqual([
      ["起始分", "100"],
      ["行政处罚异议核实中，暂不计入", "0"],
    ]);
  });
  it("the subject's own copy adds its unpublished records apart, with the reason for each", () => {
    const d = reportDocument(snapshot, {
      ...opts,
      edition: "own",
      privateRecords: [
        {
          kind: "行政处罚",
          title: "超范围经营（洪罚〔2023〕9号）",
          date: "2023-02-01",
          why: "公示期已于 2023-05-01 届满",
        },
      ],
    });
    const last = d.sections.at(-1);
    expect(last?.private).toBe(true);
    expect(last?.items[0]?.fields).toContainEqual(["未公示原因", "公示期已于 2023-05-01 届满"]);
    expect(d.subtitle).toBe("（主体自查版）");
  });
  it("an empty section says so rather than disappearing", () => {
    const d = reportDocument(snapshot, { ...opts, edition: "public" });
    expect(d.sections[2]).toMatchObject({ items: [], empty: "报告生成时未列入红名单。" });
  });
});

import { GRADE_LABELS } from "../grading/grading";
import type { Grade } from "../policy";
import { COMMITMENT_TYPE_LABELS, FULFILMENT_LABELS } from "../records/labels";
import { SEVERITY_LABELS } from "../records/record-input";

/**
 * DOMAIN §10: what a credit report says, as data — the server draws it into a PDF. It is made from a snapshot of the
 * public profile (already masked where DOMAIN §1 masks), so a report can never show more than the profile did;
 * the subject's own copy adds, in a section of its own, the records that are not public.
 */
type Penalty = {
  decisionNo: string;
  decisionDate: string;
  violationType: string;
  penaltyTypes: string[];
  penaltyContent: string;
  severity: "general" | "serious";
  publicUntil: string | null;
  underVerification?: boolean;
  authority: string;
};
type Licence = {
  decisionNo: string;
  decisionTitle: string;
  certificateName?: string | null;
  licenceNo?: string | null;
  decisionDate: string;
  validFrom?: string | null;
  validTo: string | null;
  authority: string;
};
type Entry = {
  listName: string;
  decisionNo: string | null;
  decisionDate: string | null;
  validFrom: string | null;
  validUntil: string | null;
  facts: string;
  dept: string;
  underVerification?: boolean;
};
export type ReportSnapshot = {
  name: string;
  uscc: string | null;
  kindLabel: string;
  regionName: string | null;
  legalRepresentative: string | null;
  address: string | null;
  registeredOn: string | null;
  penalties: Penalty[];
  licences: { current: Licence[]; history: Licence[] };
  lists: { red: Entry[]; seriousDishonesty: Entry[]; keyAttention: Entry[]; marketBan: Entry[] };
  commitments: { type: string; title: string; signedOn: string; fulfilment: string; dept: string }[];
  selfReports: { category: string; title: string; issuer: string; occurredOn: string; verifier: string }[];
  grade: {
    grade: Grade;
    score: number;
    ruleVersion: string;
    asOf: string;
    contributions: { label: string; points: number; cap: Grade | null }[];
  };
};

/** The own copy's extra section: records about the subject that the public does not see, each with why. */
export type PrivateRecord = { kind: string; title: string; date: string; why: string };

export type ReportItem = { title: string; fields: [string, string][] };
export type ReportSection = {
  heading: string;
  note?: string;
  empty: string;
  items: ReportItem[];
  private?: boolean;
};
export type ReportDocument = {
  title: string;
  subtitle: string;
  facts: [string, string][];
  sections: ReportSection[];
  closing: string[];
};

const range = (from: string | null | undefined, to: string | null | undefined) =>
  `${from ?? "—"} 至 ${to ?? "长期"}`;
const verifying = (x: { underVerification?: boolean }) => (x.underVerification ? "（异议核实中）" : "");

export function reportDocument(
  s: ReportSnapshot,
  o: { edition: "public" | "own"; reportNo: string; generatedAt: string; privateRecords?: PrivateRecord[] },
): ReportDocument {
  const entries = (heading: string, list: Entry[], empty: string): ReportSection => ({
    heading,
    empty,
    items: list.map((e) => ({
      title: `${e.listName}${verifying(e)}`,
      fields: [
        ["认定部门", e.dept],
        ["认定文号", e.decisionNo ?? ""],
        ["认定日期", e.decisionDate ?? ""],
        ["有效期", range(e.validFrom, e.validUntil)],
        ["事实", e.facts],
      ],
    })),
  });
  const licence = (l: Licence): ReportItem => ({
    title: l.decisionTitle,
    fields: [
      ["决定文号", l.decisionNo],
      ["许可机关", l.authority],
      ["决定日期", l.decisionDate],
      ...(l.certificateName
        ? [["证书", `${l.certificateName}${l.licenceNo ? `（${l.licenceNo}）` : ""}`] as [string, string]]
        : []),
      ["有效期", range(l.validFrom ?? l.decisionDate, l.validTo)],
    ],
  });
  const g = s.grade;
  const sections: ReportSection[] = [
    {
      heading: "一、行政许可信息",
      empty: "报告生成时无公示中的行政许可信息。",
      items: [...s.licences.current, ...s.licences.history].map(licence),
    },
    {
      heading: "二、行政处罚信息",
      empty: "报告生成时无公示中的行政处罚信息。",
      items: s.penalties.map((p) => ({
        title: `${p.violationType}${verifying(p)}`,
        fields: [
          ["决定文号", p.decisionNo],
          ["处罚机关", p.authority],
          ["决定日期", p.decisionDate],
          ["处罚类别", p.penaltyTypes.join("、")],
          ["处罚内容", p.penaltyContent],
          ["失信程度", SEVERITY_LABELS[p.severity]],
          ["公示截止", p.publicUntil ?? ""],
        ],
      })),
    },
    entries("三、守信激励对象名单（红名单）", s.lists.red, "报告生成时未列入红名单。"),
    entries("四、严重失信主体名单", s.lists.seriousDishonesty, "报告生成时未列入严重失信主体名单。"),
    entries("五、重点关注对象名单", s.lists.keyAttention, "报告生成时未列入重点关注对象名单。"),
    entries("六、市场禁入名单", s.lists.marketBan, "报告生成时未被实施市场禁入。"),
    {
      heading: "七、信用承诺",
      empty: "报告生成时无公示中的信用承诺。",
      items: s.commitments.map((c) => ({
        title: c.title,
        fields: [
          ["承诺类型", COMMITMENT_TYPE_LABELS[c.type as keyof typeof COMMITMENT_TYPE_LABELS] ?? c.type],
          ["承诺日期", c.signedOn],
          ["受理部门", c.dept],
          ["履约情况", FULFILMENT_LABELS[c.fulfilment as keyof typeof FULFILMENT_LABELS] ?? c.fulfilment],
        ],
      })),
    },
    {
      heading: "八、经核实的自主申报信息",
      note: "由主体自行申报、经有关部门核实，与行政机关的记录分开列示。",
      empty: "无经核实的自主申报信息。",
      items: s.selfReports.map((r) => ({
        title: r.title,
        fields: [
          ["类别", r.category],
          ["颁发单位", r.issuer],
          ["取得日期", r.occurredOn],
          ["核实部门", r.verifier],
        ],
      })),
    },
    {
      heading: "九、公共信用综合评价",
      note: `评价日 ${g.asOf}，规则 ${g.ruleVersion}。逐项列出加减分，依据《公共信用综合评价规则》。`,
      empty: "",
      items: [
        {
          title: `${g.grade} 级（${GRADE_LABELS[g.grade]}），${g.score} 分`,
          fields: [
            ["起始分", String(g.score - g.contributions.reduce((n, c) => n + c.points, 0))],
            ...g.contributions.map((c): [string, string] => [
              c.label,
              c.cap ? `最高为 ${c.cap} 级` : c.points > 0 ? `+${c.points}` : String(c.points),
            ]),
          ],
        },
      ],
    },
  ];
  if (o.edition === "own")
    sections.push({
      heading: "附：仅本主体可见的未公示信息",
      note: "以下记录不在网站公示（公示期满、已信用修复、未达公示标准等），仅出现在本主体自行下载的报告中，不得作为公示信息使用。",
      empty: "无未公示的信用记录。",
      private: true,
      items: (o.privateRecords ?? []).map((r) => ({
        title: r.title,
        fields: [
          ["类别", r.kind],
          ["日期", r.date],
          ["未公示原因", r.why],
        ],
      })),
    });
  return {
    title: "公共信用信息报告",
    subtitle: o.edition === "own" ? "（主体自查版）" : "（公示版）",
    facts: [
      ["报告编号", o.reportNo],
      ["生成时间", o.generatedAt],
      ["主体名称", s.name],
      ["统一社会信用代码", s.uscc ?? ""],
      ["主体类型", s.kindLabel],
      ["所在地区", s.regionName ?? ""],
      ["法定代表人（负责人）", s.legalRepresentative ?? ""],
      ["住所", s.address ?? ""],
      ["成立日期", s.registeredOn ?? ""],
    ],
    sections,
    closing: [
      "本报告内容为报告生成时信用江西网站公示的该主体公共信用信息，由系统自动生成。",
      "核验方法：访问信用江西“报告核验”页面，输入报告编号和核验码，或扫描二维码；可上传本 PDF 文件比对其 SHA-256，任何改动都会被发现。",
      "如对报告中的信息有异议，可通过信用江西“异议申诉”栏目提出。",
    ],
  };
}

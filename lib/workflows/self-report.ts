import { reviewerOf } from "./commitment";
import type { Machine } from "./machine";

/**
 * 2020 plan §11: a business reports its own credit information (证照资质, 表彰评优, 公益慈善, 履约践诺) with a
 * truthfulness commitment; a reviewer of the department it names verifies or rejects it. Only verified items
 * are public, labelled as self-reported.
 */
export const SELF_REPORT_STATES = ["submitted", "verified", "rejected"] as const;
export type SelfReportState = (typeof SELF_REPORT_STATES)[number];
export type SelfReportEvent = "verify" | "reject";
export type SelfReportCase = { state: SelfReportState; deptId: number };

const reviewer = reviewerOf("申报");

export const selfReportMachine: Machine<SelfReportState, SelfReportEvent, SelfReportCase> = {
  name: "self_report",
  states: SELF_REPORT_STATES,
  labels: { submitted: "待核验", verified: "已核验", rejected: "未通过核验" },
  final: ["verified", "rejected"],
  events: {
    verify: { from: ["submitted"], to: "verified", who: reviewer, label: "核验通过" },
    reject: {
      from: ["submitted"],
      to: "rejected",
      who: reviewer,
      label: "核验不通过",
      reason: "未通过核验的理由",
    },
  },
};
export const SELF_REPORT_INITIAL: SelfReportState = "submitted";

export const SELF_REPORT_CATEGORIES = ["qualification", "honour", "charity", "performance"] as const;
export type SelfReportCategory = (typeof SELF_REPORT_CATEGORIES)[number];
export const SELF_REPORT_CATEGORY_LABELS: Record<SelfReportCategory, string> = {
  qualification: "证照资质",
  honour: "表彰评优",
  charity: "公益慈善",
  performance: "履约践诺",
};

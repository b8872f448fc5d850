import { commitmentMachine } from "@/lib/workflows/commitment";
import { objectionMachine } from "@/lib/workflows/objection";
import { repairMachine } from "@/lib/workflows/repair";
import { selfReportMachine } from "@/lib/workflows/self-report";
import type { CaseKind } from "@/server/queries/cases";

/** The reviewer queues (issue 11 §5, issue 14 §1): their titles, state labels and the events a reviewer may fire. */
export const QUEUE = {
  repairs: {
    title: "信用修复",
    labels: repairMachine.labels as Record<string, string>,
    events: [
      { event: "accept", label: "受理", from: "submitted", note: null },
      { event: "not_accept", label: "不予受理", from: "submitted", note: "不予受理的理由" },
      { event: "approve", label: "同意修复", from: "accepted", note: null },
      { event: "deny", label: "不予修复", from: "accepted", note: "不予修复的理由" },
    ],
  },
  commitments: {
    title: "信用承诺",
    labels: commitmentMachine.labels as Record<string, string>,
    events: [
      { event: "approve", label: "审核通过", from: "submitted", note: null },
      { event: "return", label: "退回", from: "submitted", note: "退回理由" },
      { event: "fulfil", label: "认定已履约", from: "in_progress", note: null },
      { event: "breach", label: "认定违诺", from: "in_progress", note: "违诺认定的事实和依据" },
    ],
  },
  "self-reports": {
    title: "自主申报",
    labels: selfReportMachine.labels as Record<string, string>,
    events: [
      { event: "verify", label: "核验通过", from: "submitted", note: null },
      { event: "reject", label: "核验不通过", from: "submitted", note: "未通过核验的理由" },
    ],
  },
  objections: {
    title: "异议",
    labels: objectionMachine.labels as Record<string, string>,
    events: [
      { event: "verify", label: "开始核实", from: "submitted", note: null },
      { event: "correct", label: "更正记录", from: "verifying", note: null },
      { event: "revoke", label: "撤销记录", from: "verifying", note: "撤销的理由" },
      { event: "uphold", label: "维持原记录", from: "verifying", note: "维持的理由" },
    ],
  },
} satisfies Record<CaseKind, unknown>;

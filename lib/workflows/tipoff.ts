import type { Machine, WorkflowActor } from "./machine";

/**
 * 失信举报 (2020 plan §31 投诉举报信息; issue 23 §5): anyone reports a subject's dishonest conduct, with evidence,
 * to the competent department → 已受理 / 不予受理 → 查证属实 (the department then acts through its own procedure)
 * / 查无实据, within the answer period (setting). Handled by a reviewer of that department.
 */
export const TIPOFF_STATES = [
  "submitted",
  "accepted",
  "rejected",
  "substantiated",
  "unsubstantiated",
] as const;
export type TipoffState = (typeof TIPOFF_STATES)[number];
export type TipoffEvent = "accept" | "reject" | "substantiate" | "dismiss";
export type TipoffCase = { state: TipoffState; deptId: number; recordEnteredBy: number | null };

const handler = (actor: WorkflowActor, c: TipoffCase): string | null =>
  actor.roles.includes("reviewer") && actor.departmentId === c.deptId
    ? null
    : "只有受理部门的审核员可以办理此举报。";

export const tipoffMachine: Machine<TipoffState, TipoffEvent, TipoffCase> = {
  name: "tipoff",
  states: TIPOFF_STATES,
  labels: {
    submitted: "已提交",
    accepted: "已受理",
    rejected: "不予受理",
    substantiated: "查证属实",
    unsubstantiated: "查无实据",
  },
  final: ["rejected", "substantiated", "unsubstantiated"],
  events: {
    accept: { from: ["submitted"], to: "accepted", who: handler, label: "受理" },
    reject: {
      from: ["submitted"],
      to: "rejected",
      who: handler,
      label: "不予受理",
      reason: "不予受理的理由（如不属于本部门职责、举报内容不具体）",
    },
    substantiate: {
      from: ["accepted"],
      to: "substantiated",
      who: handler,
      label: "查证属实",
      reason: "查证情况和处理措施",
      confirm: "确认举报查证属实。举报人可凭案号查询结果；对被举报主体的处理须另行依法作出并公示。",
    },
    dismiss: {
      from: ["accepted"],
      to: "unsubstantiated",
      who: handler,
      label: "查无实据",
      reason: "核查情况",
    },
  },
};
export const TIPOFF_INITIAL: TipoffState = "submitted";
export const TIPOFF_OPEN: readonly TipoffState[] = ["submitted", "accepted"];

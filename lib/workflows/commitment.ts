import type { Machine, WorkflowActor } from "./machine";

/**
 * DOMAIN §6 credit commitment: a business signs, a reviewer of the receiving department approves or returns
 * it, then marks it 已履约 or 违诺 with a finding. Stored as the review `status` and the `fulfilment` the
 * public lists already carry; `commitmentState` and `commitmentColumns` translate between the two.
 */
export const COMMITMENT_STATES = ["submitted", "returned", "in_progress", "fulfilled", "breached"] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];
export type CommitmentEvent = "approve" | "return" | "fulfil" | "breach";
export type CommitmentCase = { state: CommitmentState; deptId: number };

export const reviewerOf =
  (what: string) =>
  (actor: WorkflowActor, c: { deptId: number }): string | null =>
    actor.roles.includes("reviewer") && actor.departmentId === c.deptId
      ? null
      : `只有受理部门的审核员可以处理此${what}。`;

const reviewer = reviewerOf("承诺");

export const commitmentMachine: Machine<CommitmentState, CommitmentEvent, CommitmentCase> = {
  name: "commitment",
  states: COMMITMENT_STATES,
  labels: {
    submitted: "待审核",
    returned: "已退回",
    in_progress: "履约中",
    fulfilled: "已履约",
    breached: "违诺",
  },
  final: ["returned", "fulfilled", "breached"],
  events: {
    approve: { from: ["submitted"], to: "in_progress", who: reviewer, label: "审核通过" },
    return: { from: ["submitted"], to: "returned", who: reviewer, label: "退回", reason: "退回理由" },
    fulfil: { from: ["in_progress"], to: "fulfilled", who: reviewer, label: "认定已履约" },
    breach: {
      from: ["in_progress"],
      to: "breached",
      who: reviewer,
      label: "认定违诺",
      reason: "违诺认定的事实和依据",
      confirm: "认定违诺后，违诺记录将在该主体的信用信息中公示，并作为失信信息记录。",
    },
  },
};
export const COMMITMENT_INITIAL: CommitmentState = "submitted";

type Stored = {
  status: "draft" | "submitted" | "approved" | "returned";
  fulfilment: "in_progress" | "fulfilled" | "breached";
};

export function commitmentState(row: Stored): CommitmentState {
  if (row.status === "approved") return row.fulfilment;
  return row.status === "returned" ? "returned" : "submitted";
}

export function commitmentColumns(state: CommitmentState): Stored {
  if (state === "submitted" || state === "returned") return { status: state, fulfilment: "in_progress" };
  return { status: "approved", fulfilment: state };
}

import type { Machine, WorkflowActor } from "./machine";

/**
 * A known USCC arrived under another name (issue 5 §5, issue 9 §4): pending until a reviewer of the department
 * whose record raised it renames the subject or keeps the registered name.
 */
export const NAME_REVIEW_STATES = ["pending", "renamed", "kept"] as const;
export type NameReviewState = (typeof NAME_REVIEW_STATES)[number];
export type NameReviewEvent = "rename" | "keep";
export type NameReviewCase = { state: NameReviewState; departmentId: number | null };

const reviewerOfItsDepartment = (actor: WorkflowActor, c: NameReviewCase) =>
  actor.roles.includes("reviewer") && c.departmentId !== null && actor.departmentId === c.departmentId
    ? null
    : "只有提出核对的部门的审核员可以处理此事项。";

export const nameReviewMachine: Machine<NameReviewState, NameReviewEvent, NameReviewCase> = {
  name: "name_review",
  states: NAME_REVIEW_STATES,
  labels: { pending: "待核对", renamed: "已更名", kept: "保留原名" },
  final: ["renamed", "kept"],
  events: {
    rename: { from: ["pending"], to: "renamed", who: reviewerOfItsDepartment, label: "按来源名称更名" },
    keep: { from: ["pending"], to: "kept", who: reviewerOfItsDepartment, label: "保留登记名称" },
  },
};
export const NAME_REVIEW_INITIAL: NameReviewState = "pending";

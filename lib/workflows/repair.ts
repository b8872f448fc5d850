import type { Machine, WorkflowActor } from "./machine";

/**
 * DOMAIN §7 credit repair: 已提交 → (≤ 2 working days) 已受理 / 不予受理 → (≤ 5 working days from acceptance)
 * 同意修复 / 不予修复. Four eyes: neither step is taken by the operator who entered the record.
 */
export const REPAIR_STATES = ["submitted", "accepted", "not_accepted", "approved", "denied"] as const;
export type RepairState = (typeof REPAIR_STATES)[number];
export type RepairEvent = "accept" | "not_accept" | "approve" | "deny";
export type RepairCase = { state: RepairState; deptId: number; recordEnteredBy: number | null };

const handler = (actor: WorkflowActor, c: RepairCase): string | null => {
  if (!actor.roles.includes("reviewer") || actor.departmentId !== c.deptId)
    return "只有作出该记录的部门的审核员可以处理此修复申请。";
  if (actor.id !== null && actor.id === c.recordEnteredBy)
    return "该记录由您录入：按“审录分离”，须由其他审核员处理此修复申请。";
  return null;
};

export const repairMachine: Machine<RepairState, RepairEvent, RepairCase> = {
  name: "repair",
  states: REPAIR_STATES,
  labels: {
    submitted: "已提交",
    accepted: "已受理",
    not_accepted: "不予受理",
    approved: "同意修复",
    denied: "不予修复",
  },
  final: ["not_accepted", "approved", "denied"],
  events: {
    accept: { from: ["submitted"], to: "accepted", who: handler, label: "受理" },
    not_accept: {
      from: ["submitted"],
      to: "not_accepted",
      who: handler,
      label: "不予受理",
      reason: "不予受理的理由",
    },
    approve: {
      from: ["accepted"],
      to: "approved",
      who: handler,
      label: "同意修复",
      confirm: "同意修复后，该记录将立即停止公示（列入名单的将移出名单），并通知申请人。",
    },
    deny: { from: ["accepted"], to: "denied", who: handler, label: "不予修复", reason: "不予修复的理由" },
  },
};
export const REPAIR_INITIAL: RepairState = "submitted";
/** states in which a case is still open: a second application for the same record waits for it */
export const REPAIR_OPEN: readonly RepairState[] = ["submitted", "accepted"];
/**
 * DOMAIN §7 "a repair of the same record refused less than 6 months ago": only a refusal on the merits (不予修复)
 * holds a new application back; 不予受理 (papers incomplete) does not — the business applies again once complete.
 */
export const REPAIR_REFUSED: readonly RepairState[] = ["denied"];

/** What the applicant is told with a refusal: whether and when it may apply again. */
export function repairRefusalNote(state: RepairState, retryMonths: number): string | null {
  if (state === "not_accepted")
    return "不予受理不影响再次申请：补齐材料、符合条件后，可随时就同一记录重新申请。";
  if (state === "denied")
    return `经审核不予修复的，自决定之日起 ${retryMonths} 个月内不能就同一记录再次申请。`;
  return null;
}

import type { Machine, WorkflowActor } from "./machine";

/**
 * DOMAIN §8 (2020 plan §15, §32): anyone objects to a displayed record → 已提交 → 核实中 (the record shows
 * 核实中 and counts against nothing) → 更正 (the record is edited) / 撤销 (the record is withdrawn) / 维持 (kept,
 * with a reason). Handled by a reviewer of the department that made the record, never by whoever entered it.
 */
export const OBJECTION_STATES = ["submitted", "verifying", "corrected", "revoked", "upheld"] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];
export type ObjectionEvent = "verify" | "correct" | "revoke" | "uphold";
export type ObjectionCase = { state: ObjectionState; deptId: number; recordEnteredBy: number | null };

/** The records an objection may be about: every kind the public profile shows with its own source. */
export const OBJECTION_TARGETS = ["penalty", "licence", "list_entry"] as const;
export type ObjectionTarget = (typeof OBJECTION_TARGETS)[number];

const handler = (actor: WorkflowActor, c: ObjectionCase): string | null => {
  if (!actor.roles.includes("reviewer") || actor.departmentId !== c.deptId)
    return "只有作出该记录的部门的审核员可以核实此异议。";
  if (actor.id !== null && actor.id === c.recordEnteredBy)
    return "该记录由您录入：按“审录分离”，须由本部门其他审核员核实此异议。";
  return null;
};

export const objectionMachine: Machine<ObjectionState, ObjectionEvent, ObjectionCase> = {
  name: "objection",
  states: OBJECTION_STATES,
  labels: {
    submitted: "已提交",
    verifying: "核实中",
    corrected: "已更正",
    revoked: "已撤销",
    upheld: "维持原记录",
  },
  final: ["corrected", "revoked", "upheld"],
  events: {
    verify: { from: ["submitted"], to: "verifying", who: handler, label: "开始核实" },
    correct: { from: ["verifying"], to: "corrected", who: handler, label: "更正记录" },
    revoke: {
      from: ["verifying"],
      to: "revoked",
      who: handler,
      label: "撤销记录",
      reason: "撤销该记录的理由",
      confirm: "撤销后，该记录将从所有公示页面撤下（列入名单的将移出名单），异议人可查询结果。",
    },
    uphold: {
      from: ["verifying"],
      to: "upheld",
      who: handler,
      label: "维持原记录",
      reason: "维持原记录的理由",
    },
  },
};
export const OBJECTION_INITIAL: ObjectionState = "submitted";
/** an objection still open: a second one by the same contact joins it, and the record stays 核实中 */
export const OBJECTION_OPEN: readonly ObjectionState[] = ["submitted", "verifying"];

/**
 * The same contact however it was typed (case, spaces, dashes, a +86 prefix): a second objection to a record by
 * the same contact while the first is open joins it (issue 14 "joined, not duplicated").
 */
export function contactKey(contact: string): string {
  const k = contact
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-()（）]/g, "");
  return /^(\+?86)?1\d{10}$/.test(k) ? k.slice(-11) : k;
}

import { addDays, addMonths, compareDates, type IsoDate } from "../calendar/dates";
import { withinRegion } from "../subjects/regions";
import type { Machine, WorkflowActor } from "./machine";

/**
 * DOMAIN §5 (2020 plan §15): putting a subject on a list and taking it off.
 * - 严重失信 / 重点关注 / 市场禁入: an operator proposes; the 告知 is recorded with it and opens a defence period
 *   (陈述申辩, working days: a setting); a reviewer who is not the proposer decides 认定并公布 or 不予认定 once the
 *   period has ended or the subject has stated its defence; a published entry is 移出 early on repair or
 *   revocation, with a reason, and leaves public view by itself when its validity ends.
 * - 红名单: proposal and decision, no notice; 移出 when the subject no longer deserves it.
 * The database's own states: case_opened (a red-list proposal), notified, published, dropped, removed.
 */
export const LIST_DECISION_STATES = ["case_opened", "notified", "published", "dropped", "removed"] as const;
export type ListDecisionState = (typeof LIST_DECISION_STATES)[number];
export type ListDecisionEvent = "publish" | "drop" | "remove" | "state";
export const LIST_KINDS = ["red", "serious_dishonesty", "key_attention", "market_ban"] as const;
export type ListKindName = (typeof LIST_KINDS)[number];

/** A case's history: its states, and the steps that do not change the state. */
export const LIST_HISTORY_STEPS = [
  ...LIST_DECISION_STATES,
  "served",
  "statement_received",
  "verification_started",
  "verification_ended",
] as const;
export type ListHistoryStep = (typeof LIST_HISTORY_STEPS)[number];
export const LIST_STEP_LABELS: Record<ListHistoryStep, string> = {
  case_opened: "提出列入建议",
  notified: "告知",
  served: "告知书送达",
  statement_received: "收到陈述申辩",
  published: "认定并公布",
  dropped: "不予认定",
  removed: "移出名单",
  verification_started: "异议核实中",
  verification_ended: "异议核实结束",
};

export type ListDecisionCase = {
  state: ListDecisionState;
  kind: ListKindName;
  deptId: number;
  subjectId: number;
  proposedBy: number | null;
  /** the day the 告知 was served (issue 22 §3): the defence period counts from it; null while unserved */
  servedOn: IsoDate | null;
  /** the last day the subject may state its defence (negative lists), once the 告知 is served */
  statementDeadline: IsoDate | null;
  /** the subject has stated its defence: the decision need not wait for the deadline */
  statementReceived: boolean;
  today: IsoDate;
};

/** The 文号 an operator typed, one per line or separated by commas, without repeats. */
export function citedDecisionNos(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? "")
        .split(/[\n,，;；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Issue 21: a negative listing rests on records — the subject's own penalties, cited by 文号 and found, still in
 * force; a red listing may cite none. null when the citation holds, else the reason.
 */
export function proposalBasisProblem(
  kind: ListKindName,
  cited: readonly string[],
  found: readonly { decisionNo: string; status: string }[],
): string | null {
  if (kind !== "red" && cited.length === 0) return "请填写列入所依据的行政处罚决定书文号。";
  for (const no of cited) {
    const p = found.find((f) => f.decisionNo === no);
    if (!p) return `未找到该主体的行政处罚“${no}”，请核对决定书文号。`;
    if (p.status !== "active") return `行政处罚“${no}”已撤销或已修复，不能作为列入依据。`;
  }
  return null;
}

/** A negative list needs 告知 and a defence period first; the red list does not. */
export const needsNotice = (kind: ListKindName) => kind !== "red";

/** The state a new proposal starts in. */
export const listProposalState = (kind: ListKindName): ListDecisionState =>
  needsNotice(kind) ? "notified" : "case_opened";

/**
 * Issue 20 N4 (DOMAIN §5 认定单位): who may propose an entry on a list — its owner, or a department a sysadmin made
 * competent for it; a department below the province proposes only for subjects registered in its own region.
 * null when allowed, else the reason.
 */
export function proposalAuthorityProblem(a: {
  list: { name: string; ownerDeptId: number };
  dept: { id: number; regionCode: string };
  competentDeptIds: readonly number[];
  subjectRegionCode: string | null;
}): string | null {
  if (a.list.ownerDeptId !== a.dept.id && !a.competentDeptIds.includes(a.dept.id))
    return `本部门不是“${a.list.name}”的认定单位，不能提出列入该名单的建议。`;
  if (!withinRegion(a.dept.regionCode, a.subjectRegionCode))
    return "该主体不在本部门所在地区登记，本部门不能提出列入名单的建议。";
  return null;
}

const decider = (actor: WorkflowActor, c: ListDecisionCase): string | null => {
  if (!actor.roles.includes("reviewer") || actor.departmentId !== c.deptId)
    return "只有认定部门的审核员可以作出认定决定。";
  if (actor.id !== null && actor.id === c.proposedBy)
    return "该列入建议由您提出：按“审录分离”，须由本部门其他审核员作出认定。";
  return null;
};

const remover = (actor: WorkflowActor, c: ListDecisionCase): string | null =>
  actor.roles.includes("reviewer") && actor.departmentId === c.deptId
    ? null
    : "只有认定部门的审核员可以移出名单。";

/** DOMAIN §5 陈述申辩: the subject itself, once, before its deadline. */
const subjectItself = (actor: WorkflowActor, c: ListDecisionCase): string | null =>
  actor.roles.includes("business") && actor.subjectId === c.subjectId
    ? null
    : "只有被告知的企业本身可以提交陈述申辩。";

const statementOpen = (c: ListDecisionCase): string | null => {
  if (c.servedOn === null) return "告知书尚未送达，暂不能提交陈述申辩。";
  if (c.statementReceived) return "您已提交过陈述申辩，每件告知只能提交一次。";
  if (c.statementDeadline !== null && compareDates(c.today, c.statementDeadline) > 0)
    return `陈述申辩期已于 ${c.statementDeadline} 届满，不能再提交。`;
  return null;
};

/** DOMAIN §5 "at least 5 working days before the decision": not before the deadline, unless the subject has spoken. */
const defenceOver = (c: ListDecisionCase): string | null => {
  if (!needsNotice(c.kind)) return null;
  // issue 22 §3: the legal clock starts at service, so an unserved 告知 blocks the decision
  if (c.servedOn === null)
    return "告知书尚未送达当事人：请先送达（或登记纸质送达），陈述申辩期自送达之日起计算。";
  if (c.statementReceived || c.statementDeadline === null) return null;
  return compareDates(c.today, c.statementDeadline) > 0
    ? null
    : `陈述申辩期至 ${c.statementDeadline} 尚未届满，当事人也未提交陈述申辩：期满后方可作出认定。`;
};

export const listDecisionMachine: Machine<ListDecisionState, ListDecisionEvent, ListDecisionCase> = {
  name: "list_decision",
  states: LIST_DECISION_STATES,
  labels: {
    case_opened: "待认定",
    notified: "已告知，陈述申辩期",
    published: "已认定并公布",
    dropped: "不予认定",
    removed: "已移出",
  },
  final: ["dropped", "removed"],
  events: {
    publish: {
      from: ["case_opened", "notified"],
      to: "published",
      who: decider,
      guard: (c) => defenceOver(c),
      label: "认定并公布",
      confirm: "认定后，该主体将列入名单并在本网站公示，直至有效期届满或移出。",
    },
    drop: {
      from: ["case_opened", "notified"],
      to: "dropped",
      who: decider,
      label: "不予认定",
      reason: "不予认定的理由",
    },
    remove: {
      from: ["published"],
      to: "removed",
      who: remover,
      label: "移出名单",
      reason: "移出说明",
      confirm: "移出后，该条目将不再公示。",
    },
    // the defence is recorded on the case; the state stays 告知 until the decision
    state: {
      from: ["notified"],
      to: "notified",
      who: subjectItself,
      guard: statementOpen,
      label: "提交陈述申辩",
      offeredTo: ["business"],
    },
  },
};

export const REMOVAL_REASONS = ["repaired", "revoked"] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number] | "expired";
/** what the reviewer chooses from on 移出 */
export const REMOVAL_REASON_CHOICES: Record<(typeof REMOVAL_REASONS)[number], string> = {
  repaired: "信用修复",
  revoked: "撤销认定（认定有误，或红名单主体不再符合条件）",
};
export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  expired: "有效期届满",
  repaired: "信用修复",
  revoked: "撤销认定",
};

/** 有效期: from the decision day, for the months proposed; the last day is the day before the same date. */
export function validityOf(
  decisionDate: IsoDate,
  months: number,
): { validFrom: IsoDate; validUntil: IsoDate } {
  return { validFrom: decisionDate, validUntil: addDays(addMonths(decisionDate, months), -1) };
}

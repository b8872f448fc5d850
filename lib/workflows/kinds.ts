import { commitmentMachine } from "./commitment";
import type { Machine } from "./machine";
import { objectionMachine } from "./objection";
import { repairMachine } from "./repair";
import { selfReportMachine } from "./self-report";
import { tipoffMachine } from "./tipoff";

/**
 * The reviewer's case kinds, each registered once (issue 21 §3): its machine, how the console and the portal name
 * it, and how its steps are audited. Queues, the case page, the actions and the dashboard read this table; a new
 * kind adds its entry here (README "Adding a case kind").
 */
export const CASE_KINDS = ["repairs", "commitments", "self-reports", "objections", "tipoffs"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** What every kind's machine judges: the state, the deciding department, and who entered the record (四眼). */
export type KindCase = { state: string; deptId: number; recordEnteredBy: number | null };
type KindMachine = Machine<string, string, KindCase>;

export type CaseKindSpec = {
  /** the queue's and the navigation's name */
  title: string;
  machine: KindMachine;
  /** the case's text on its page (the regulator's / the applicant's) */
  textTitle: { console: string; portal: string };
  /** the link to the record a case is about */
  targetLink: string | null;
  /** its history rows' reference (case_events) */
  historyKey: "repairCaseId" | "commitmentId" | "selfReportId" | "objectionId" | "tipoffId";
  /** audit: the entity type and the action prefix of its steps */
  entityType: "repair_case" | "commitment" | "self_report" | "objection" | "tipoff";
  auditPrefix: "repair" | "commitment" | "self_report" | "objection" | "tipoff";
  /** the 待办 count on the dashboard: its label, and the states still waiting for a reviewer */
  backlog: string;
  waiting: readonly string[];
  /**
   * who files it: the subject's own account, whose portal page follows it; or anyone, by a contact — the subject
   * never opens such a case, the filer is told of each step at the contact left, and `outcomeNotice` makes the
   * outcome a notice also told to the subject (an objection's is; a report's is not)
   */
  filer: { by: "subject"; portal: string } | { by: "public"; label: string; outcomeNotice: boolean };
  /** its materials' reference (case_files), if it takes any */
  fileKey: "repairCaseId" | "selfReportId" | "objectionId" | "tipoffId" | null;
};

const spec = <S extends string, E extends string, C extends { state: S }>(
  m: Machine<S, E, C>,
  o: Omit<CaseKindSpec, "machine" | "waiting"> & { waiting: readonly S[] },
): CaseKindSpec => ({ ...o, machine: m as unknown as KindMachine });

export const CASE_KIND: Record<CaseKind, CaseKindSpec> = {
  repairs: spec(repairMachine, {
    title: "信用修复",
    backlog: "信用修复申请待处理",
    textTitle: { console: "信用修复申请书", portal: "信用修复申请书" },
    targetLink: "查看申请修复的记录",
    historyKey: "repairCaseId",
    entityType: "repair_case",
    auditPrefix: "repair",
    waiting: ["submitted", "accepted"],
    filer: { by: "subject", portal: "/business/repairs" },
    fileKey: "repairCaseId",
  }),
  commitments: spec(commitmentMachine, {
    title: "信用承诺",
    backlog: "信用承诺待审核",
    textTitle: { console: "承诺书正文", portal: "承诺书正文（签署时的版本）" },
    targetLink: null,
    historyKey: "commitmentId",
    entityType: "commitment",
    auditPrefix: "commitment",
    waiting: ["submitted"],
    filer: { by: "subject", portal: "/business/commitments" },
    fileKey: null,
  }),
  "self-reports": spec(selfReportMachine, {
    title: "自主申报",
    backlog: "自主申报待核验",
    textTitle: { console: "申报内容", portal: "申报内容" },
    targetLink: null,
    historyKey: "selfReportId",
    entityType: "self_report",
    auditPrefix: "self_report",
    waiting: ["submitted"],
    filer: { by: "subject", portal: "/business/self-reports" },
    fileKey: "selfReportId",
  }),
  objections: spec(objectionMachine, {
    title: "异议",
    backlog: "异议待办结",
    textTitle: { console: "异议理由", portal: "异议理由" },
    targetLink: "查看被提出异议的记录",
    historyKey: "objectionId",
    entityType: "objection",
    auditPrefix: "objection",
    waiting: ["submitted", "verifying"],
    filer: { by: "public", label: "异议人", outcomeNotice: true },
    fileKey: "objectionId",
  }),
  tipoffs: spec(tipoffMachine, {
    title: "失信举报",
    backlog: "失信举报待办理",
    textTitle: { console: "举报内容", portal: "举报内容" },
    targetLink: null,
    historyKey: "tipoffId",
    entityType: "tipoff",
    auditPrefix: "tipoff",
    waiting: ["submitted", "accepted"],
    filer: { by: "public", label: "举报人", outcomeNotice: false },
    fileKey: "tipoffId",
  }),
};

export const caseKindOf = (segment: string | undefined): CaseKind | undefined =>
  CASE_KINDS.find((k) => k === segment);

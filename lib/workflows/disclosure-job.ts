import { type Machine, onlySystem } from "./machine";

/**
 * Issue 14 §4: a change of the disclosure threshold recounts `disclosable` for every penalty, as a durable job
 * (a row, resumed after a restart) that only its runner moves.
 */
export const DISCLOSURE_JOB_STATES = ["queued", "running", "done", "failed"] as const;
export type DisclosureJobState = (typeof DISCLOSURE_JOB_STATES)[number];
export type DisclosureJobEvent = "start" | "finish" | "fail";
export type DisclosureJobCase = { state: DisclosureJobState };

export const disclosureJobMachine: Machine<DisclosureJobState, DisclosureJobEvent, DisclosureJobCase> = {
  name: "disclosure_job",
  states: DISCLOSURE_JOB_STATES,
  labels: { queued: "排队中", running: "正在重新计算", done: "已完成", failed: "失败" },
  final: ["done", "failed"],
  events: {
    start: { from: ["queued"], to: "running", who: onlySystem, label: "开始" },
    finish: { from: ["running"], to: "done", who: onlySystem, label: "完成" },
    fail: { from: ["queued", "running"], to: "failed", who: onlySystem, label: "失败" },
  },
};
export const DISCLOSURE_JOB_INITIAL: DisclosureJobState = "queued";
export const DISCLOSURE_JOB_OPEN: readonly DisclosureJobState[] = ["queued", "running"];

import type { IsoDate } from "../calendar/dates";

/**
 * Every case's number, one format (issue 21): its kind's prefix, the day it was opened, and the row's own id —
 * XF20261202000123. The prefix says what the case is; the rest is unique because the id is.
 */
export const CASE_PREFIX = {
  repair: "XF",
  commitment: "CN",
  self_report: "ZB",
  objection: "YY",
  tipoff: "JB",
  list_entry: "MD",
} as const;

export const caseNumber = (prefix: (typeof CASE_PREFIX)[keyof typeof CASE_PREFIX], on: IsoDate, id: number) =>
  `${prefix}${on.replaceAll("-", "")}${String(id).padStart(6, "0")}`;

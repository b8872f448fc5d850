/** Chinese labels of database enum values, for pages, exports and the API. */
export const FULFILMENT_LABELS = { in_progress: "履约中", fulfilled: "已履约", breached: "违诺" } as const;
export const COMMITMENT_TYPE_LABELS = {
  approval_substitute: "审批替代型",
  tolerance: "容缺受理型",
  self_discipline: "行业自律型",
  voluntary: "主动型",
  repair: "信用修复型",
} as const;

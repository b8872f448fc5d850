/** Chinese labels of database enum values, for pages, exports and the API. */
import { commitmentMachine } from "../workflows/commitment";

/** 履约 status as the public reads it: the commitment machine's own names of those states. */
export const FULFILMENT_LABELS = {
  in_progress: commitmentMachine.labels.in_progress,
  fulfilled: commitmentMachine.labels.fulfilled,
  breached: commitmentMachine.labels.breached,
} as const;
export const COMMITMENT_TYPE_LABELS = {
  approval_substitute: "审批替代型",
  tolerance: "容缺受理型",
  self_discipline: "行业自律型",
  voluntary: "主动型",
  repair: "信用修复型",
} as const;

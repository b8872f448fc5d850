import "server-only";
import type { CaseKind } from "@/lib/workflows/kinds";
import type { ServiceContext } from "../../context";
import { decideCommitment } from "./commitments";
import { decideRepair } from "./repairs";
import { decideSelfReport } from "./self-reports";
import { decideTipoff } from "./tipoffs";

/** What the console's one decision action hands a kind's use case (its events checked by the kind's machine). */
export type CaseDecision = { id: number; event: string; expected?: string; note?: string };

/**
 * The server side of a case kind's registration (lib/workflows/kinds): the use case that decides it. An objection is
 * decided by its own action, which carries the corrected fields.
 */
export const DECIDE: Record<
  Exclude<CaseKind, "objections">,
  (ctx: ServiceContext, d: CaseDecision) => Promise<void>
> = {
  repairs: (ctx, d) => decideRepair(ctx, d as Parameters<typeof decideRepair>[1]),
  commitments: (ctx, d) => decideCommitment(ctx, d as Parameters<typeof decideCommitment>[1]),
  "self-reports": (ctx, d) => decideSelfReport(ctx, d as Parameters<typeof decideSelfReport>[1]),
  tipoffs: (ctx, d) => decideTipoff(ctx, d as Parameters<typeof decideTipoff>[1]),
};

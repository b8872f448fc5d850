import { disclosureListRoute } from "@/server/http/disclosure-route";
import { listPenalties } from "@/server/queries/disclosure";

/** GET /api/v1/penalties — publicly disclosed administrative penalties, newest first. */
export const GET = disclosureListRoute("penalty", listPenalties);

import { disclosureListRoute } from "@/server/http/disclosure-route";
import { listLicences } from "@/server/queries/disclosure";

/** GET /api/v1/licences — administrative licences, newest first. */
export const GET = disclosureListRoute("licence", listLicences);

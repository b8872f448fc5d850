import { publicJson } from "@/server/http/api";
import { getDrawInputs } from "@/server/queries/supervision";
import { publishedDrawRoute } from "../published-route";

/**
 * Issue 12 §3: everything a third party needs to re-run a published draw — seed, ratios, the pool snapshot and
 * the algorithm in words. Subjects and inspectors appear as the ids the result uses; the CSV names the subjects.
 */
export const GET = publishedDrawRoute(getDrawInputs, (inputs) => publicJson(inputs));

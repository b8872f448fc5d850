import { publicJson } from "@/server/http/api";
import { getDrawInputs } from "@/server/queries/supervision";
import { publishedDrawRoute } from "../published-route";

/**
 * Issue 12 §3, issue 21: everything a third party needs to re-run a published draw from this file alone — seed,
 * ratios, the pool as USCCs with their grades and its hash, the algorithm in words, and the result by USCC.
 */
export const GET = publishedDrawRoute(
  (drawNo) => getDrawInputs({ drawNo }),
  (inputs) => publicJson(inputs),
);

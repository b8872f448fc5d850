import { apiError, publicJson, safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";
import { getDrawInputs } from "@/server/queries/supervision";

/**
 * Issue 12 §3: everything a third party needs to re-run a published draw — seed, ratios, the pool snapshot and
 * the algorithm in words. Subjects and inspectors appear as the ids the result uses; the CSV names the subjects.
 */
export const GET = safeHandler(async function GET(
  request: Request,
  { params }: { params: Promise<{ no: string }> },
) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const no = (await params).no;
  const inputs = /^CC\d{10}$/.test(no) ? await getDrawInputs(no) : null;
  if (!inputs) return apiError(404, "unknown_draw", `没有编号为 ${no.slice(0, 20)} 的已公示抽查。`);
  return publicJson(inputs);
});

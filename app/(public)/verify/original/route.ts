import { z } from "zod";
import { apiError, safeHandler } from "@/server/http/api";
import { pdfResponse } from "@/server/http/pdf-response";
import { abuseLimited } from "@/server/http/rate-limit";
import { originalReport } from "@/server/queries/report-verification";

const input = z.object({ no: z.string().trim().min(1).max(32), code: z.string().trim().min(1).max(16) });

/**
 * Issue 20 N5: the stored PDF of a report, for whoever holds its number and code — to compare with the copy they
 * were given. Guessing is limited with the verify page's own allowance.
 */
export const GET = safeHandler(async function GET(request: Request) {
  const limited = await abuseLimited(request, "verify");
  if (limited) return limited;
  const parsed = input.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const r = parsed.success
    ? await originalReport({ reportNo: parsed.data.no, code: parsed.data.code })
    : null;
  if (!r) return apiError(404, "unknown_report", "报告编号或核验码不正确，或该报告未存档原件。");
  return pdfResponse(r);
});

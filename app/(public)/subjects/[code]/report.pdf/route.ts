import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { apiError, safeHandler } from "@/server/http/api";
import { pdfResponse } from "@/server/http/pdf-response";
import { abuseLimited, rateLimited } from "@/server/http/rate-limit";
import { markOwnWrite } from "@/server/reads";
import { issueReport } from "@/server/services/reports";

/** DOMAIN §10: anyone downloads an organisation's credit report (what is public now), numbered and verifiable. */
export const GET = safeHandler(async function GET(
  request: Request,
  { params }: { params: Promise<{ code: string }> },
) {
  const limited = (await rateLimited(request)) ?? (await abuseLimited(request, "report"));
  if (limited) return limited;
  const code = parseSubjectCode((await params).code);
  if (code.kind === "invalid")
    return apiError(404, "invalid_code", "统一社会信用代码无效，无法生成信用报告。");
  const r = await issueReport(await getDb(), {
    code,
    edition: "public",
    today: today(),
  });
  await markOwnWrite(); // its 核验 page reads the stored report at once
  if ("refused" in r)
    return r.refused === "natural_person"
      ? apiError(
          403,
          "natural_person",
          "自然人的信用信息只以脱敏方式展示，不提供信用报告下载；本人可向有关部门申请查询。",
        )
      : apiError(404, "unknown_subject", "没有这个主体，无法生成信用报告。");
  return pdfResponse(r);
});

import { z } from "zod";
import { metaFromHeaders } from "@/server/auth/request-meta";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { apiError, safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";
import { departmentOfKey } from "@/server/services/api-keys";
import { PROVIDER_MAX_ROWS, receiveProviderBatch } from "@/server/services/provider-batch";
import { getPolicy } from "@/server/settings";

const KINDS = { penalties: "penalty", licences: "licence" } as const;
const body = z.object({
  mode: z.enum(["keep_good", "all_or_nothing"]).default("keep_good"),
  records: z
    .array(z.unknown(), { message: "records 应为数组" })
    .min(1, "records 不能为空")
    .max(PROVIDER_MAX_ROWS, `每批不超过 ${PROVIDER_MAX_ROWS} 条，请分批报送`),
});

/**
 * POST /api/v1/provider/{penalties|licences}: a department's system pushes a batch with its API key (no cookie,
 * so no Origin check applies). Each record gets its own result; the same rules as the console's import.
 */
export const POST = safeHandler(async function POST(
  request: Request,
  { params }: { params: Promise<{ kind: string }> },
): Promise<Response> {
  const kind = KINDS[(await params).kind as keyof typeof KINDS];
  if (!kind) return apiError(404, "not_found", "接口不存在：只支持 penalties 与 licences。");
  const limited = await rateLimited(request);
  if (limited) return limited;
  const token =
    (request.headers.get("authorization") ?? "").replace(/^Bearer\s+/i, "") ||
    request.headers.get("x-api-key") ||
    "";
  {
    const db = await getDb();
    const key = token ? await departmentOfKey(db, token) : null;
    if (!key)
      return apiError(
        401,
        "unauthenticated",
        "缺少或无效的接口密钥（Authorization: Bearer cjx_…），或密钥已被吊销。",
      );
    let json: unknown;
    try {
      json = await request.json();
    } catch {
      return apiError(400, "bad_body", '请求体应为 JSON：{ "records": [ … ] }。');
    }
    const parsed = body.safeParse(json);
    if (!parsed.success) return apiError(400, "bad_body", parsed.error.issues[0]?.message ?? "请求体有误");
    const { disclosureFineThresholdWan } = await getPolicy();
    const r = await receiveProviderBatch(db, {
      kind,
      rows: parsed.data.records,
      mode: parsed.data.mode,
      key,
      meta: metaFromHeaders(request.headers),
      today: today(),
      thresholdWan: disclosureFineThresholdWan,
    });
    return Response.json(r, { status: r.summary.rejected === r.summary.received ? 422 : 200 });
  }
});

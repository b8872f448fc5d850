import { z } from "zod";
import { IMPORT_MODES } from "@/lib/records/import-file";
import { apiError } from "@/server/http/api";
import { keyRoute } from "@/server/http/key-route";
import { PROVIDER_MAX_ROWS, receiveProviderBatch } from "@/server/services/provider-batch";
import { getPolicy } from "@/server/settings";

const KINDS = { penalties: "penalty", licences: "licence" } as const;
const body = z.object(
  {
    mode: z.enum(IMPORT_MODES, { message: `mode 应为 ${IMPORT_MODES.join(" 或 ")}` }).default("keep_good"),
    records: z
      .array(z.unknown(), { message: "records 应为数组" })
      .min(1, "records 不能为空")
      .max(PROVIDER_MAX_ROWS, `每批不超过 ${PROVIDER_MAX_ROWS} 条，请分批报送`),
  },
  { message: '请求体应为 JSON：{ "records": [ … ] }。' },
);

/**
 * POST /api/v1/provider/{penalties|licences}: a department's system pushes a batch with its API key. Each record gets
 * its own result; the same rules as the console's import.
 */
export const POST = keyRoute<typeof body, { kind: string }>(
  { scope: "provider", body },
  async ({ db, key, body: batch, params, meta, today }) => {
    const kind = KINDS[params.kind as keyof typeof KINDS];
    if (!kind) return apiError(404, "not_found", "接口不存在：只支持 penalties 与 licences。");
    const { disclosureFineThresholdWan } = await getPolicy();
    const r = await receiveProviderBatch(db, {
      kind,
      rows: batch.records,
      mode: batch.mode,
      key,
      meta,
      today,
      thresholdWan: disclosureFineThresholdWan,
    });
    return Response.json(r, { status: r.summary.rejected === r.summary.received ? 422 : 200 });
  },
);

import { z } from "zod";
import { intParam } from "@/lib/web/query-string";
import { apiError } from "@/server/http/api";
import { keyRoute } from "@/server/http/key-route";
import { giveCheckFeedback, system } from "@/server/services/platform/joint-checks";

const body = z.object(
  {
    applied: z
      .array(z.number({ message: "applied 应为措施编号数组" }).int(), { message: "applied 应为措施编号数组" })
      .max(100),
    note: z.string().max(1000, "note 不能超过 1000 个字").default(""),
  },
  { message: '请求体应为 JSON：{ "applied": [措施编号…], "note": "未执行的理由" }。' },
);

/** POST /api/v1/checks/{id}/feedback — 成效反馈: which of the returned measures the department applied, once. */
export const POST = keyRoute<typeof body, { id: string }, "check">(
  { scope: "check", body },
  async ({ db, key, body: b, params, meta, today }) => {
    const id = intParam(params.id);
    if (id === undefined) return apiError(404, "not_found", "核查编号不存在。");
    await giveCheckFeedback(
      {
        db,
        meta,
        today,
        by: system(key),
      },
      { checkId: id, applied: b.applied, note: b.note },
    );
    return Response.json({ checkId: id, feedback: "recorded" });
  },
);

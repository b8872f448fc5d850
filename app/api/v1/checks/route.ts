import { z } from "zod";
import { keyRoute } from "@/server/http/key-route";
import { runJointCheck, system } from "@/server/services/platform/joint-checks";

const body = z.object(
  {
    uscc: z.string({ message: "uscc 应为统一社会信用代码" }).max(40, "uscc 过长"),
    matter: z.string({ message: "matter 应为核查事项代码，如 procurement" }).max(40, "matter 过长"),
  },
  { message: '请求体应为 JSON：{ "uscc": "…", "matter": "procurement" }。' },
);

/**
 * POST /api/v1/checks — 联合奖惩核查 (issue 23 §1): a department's system asks, before granting a matter, which
 * measures of the catalogue apply to the subject today. The answer carries a check id for the feedback.
 */
export const POST = keyRoute({ scope: "check", body }, async ({ db, key, body: b, meta, today }) => {
  const r = await runJointCheck(
    {
      db,
      meta,
      today,
      by: system(key),
    },
    b,
  );
  return Response.json(r, { status: 201 });
});

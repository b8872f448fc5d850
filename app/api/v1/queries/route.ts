import { z } from "zod";
import { keyRoute } from "@/server/http/key-route";
import { authorisedQuery } from "@/server/services/platform/institutions";

const body = z.object(
  {
    uscc: z.string({ message: "uscc 应为统一社会信用代码" }).trim().toUpperCase().max(40, "uscc 过长"),
    purpose: z.string({ message: "purpose 应为查询用途代码，如 loan" }).max(40, "purpose 过长"),
  },
  { message: '请求体应为 JSON：{ "uscc": "…", "purpose": "loan" }。' },
);

/**
 * POST /api/v1/queries — 授权查询 (issue 23 §2): an authorised institution reads a subject's profile and, beyond
 * it, the 授权查询 items its authorisation covers, for a purpose it names. Every query is logged, and the subject
 * sees it in its portal.
 */
export const POST = keyRoute({ scope: "query", body }, async ({ db, key, body: b, meta, today }) =>
  Response.json(await authorisedQuery({ db, key, meta, today }, b)),
);

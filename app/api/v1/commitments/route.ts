import { z } from "zod";
import { pageParam, publicGet, publicJson } from "@/server/http/api";
import { COMMITMENT_TYPES, FULFILMENTS, listPublicCommitments } from "@/server/queries/commitments";

const params = z.object({
  page: pageParam,
  type: z.enum(COMMITMENT_TYPES, { message: "不是有效的承诺类型" }).optional(),
  fulfilment: z.enum(FULFILMENTS, { message: "不是有效的履约状态" }).optional(),
});

/** GET /api/v1/commitments — approved, public credit commitments with their 履约 status. */
export const GET = publicGet(params, async (f) => {
  const { rows, total } = await listPublicCommitments(f);
  return publicJson({ page: f.page, pageSize: 20, total, results: rows });
});

import { z } from "zod";
import { listKindFromSegment } from "@/lib/records/list-kinds";
import { LIST_KIND_SEGMENTS } from "@/lib/web/navigation";
import { MAX_INT_PARAM } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { apiError, pageParam, publicGet, publicJson, regionParam } from "@/server/http/api";
import { listEntriesOf } from "@/server/queries/lists";
import { withProvenance } from "@/server/queries/provenance";

const params = z.object({
  page: pageParam,
  region: regionParam,
  list: z.coerce.number().int().min(1).max(MAX_INT_PARAM, "超出范围").optional(),
});

/** GET /api/v1/lists/{kind}/entries — currently published entries of one list kind. */
export const GET = publicGet(
  params,
  async (f, _req, { params: route }: { params: Promise<{ kind: string }> }) => {
    const kind = listKindFromSegment((await route).kind);
    if (!kind)
      return apiError(
        404,
        "unknown_list",
        `名单类别不存在，可选：${Object.values(LIST_KIND_SEGMENTS).join("、")}。`,
      );
    const r = await listEntriesOf({ kind, today: today(), ...f });
    return publicJson({
      kind: (await route).kind,
      page: f.page,
      pageSize: 20,
      total: r.total,
      results: await withProvenance("list_entry", r.rows),
    });
  },
);

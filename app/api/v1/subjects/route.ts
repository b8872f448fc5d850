import { z } from "zod";
import { SUBJECT_KIND_KEYS } from "@/lib/subjects/subject-kinds";
import { today } from "@/server/clock";
import { apiError, pageParam, publicGet, publicJson, publicPost, regionParam } from "@/server/http/api";
import { PAGE_SIZE, searchSubjects } from "@/server/queries/search";

const params = z.object({
  q: z.string({ message: "请提供查询内容 q" }).max(1000, "过长"),
  page: pageParam,
  kind: z.enum(SUBJECT_KIND_KEYS, { message: "不是有效的主体类型" }).optional(),
  region: regionParam,
});

async function answer({ q, page, kind, region }: z.infer<typeof params>, via: "url" | "body") {
  const r = await searchSubjects({ q, page, filters: { kind, region }, today: today(), via });
  if (r.status === "empty")
    return apiError(
      400,
      "empty_query",
      "请提供查询内容 q：企业名称（至少 2 个字）、统一社会信用代码或拼音首字母。",
    );
  if (r.status === "invalid") return apiError(400, "invalid_query", r.message);
  return publicJson(
    {
      query: q,
      by: r.by,
      total: r.total,
      totalIsLowerBound: r.capped,
      page: r.page,
      pageSize: PAGE_SIZE,
      pageCount: r.pageCount,
      results: r.hits,
      // 「您是不是要找」: near misses, only when nothing matched exactly (issue 25)
      suggestions: r.suggestions,
      ...(r.notice ? { notice: r.notice } : {}),
    },
    {
      // what the search itself took, and what looking for near misses added (issue 25's fallback figure)
      headers: {
        "server-timing": `search;dur=${r.timing.exactMs.toFixed(1)}, fallback;dur=${r.timing.fallbackMs.toFixed(1)}`,
      },
    },
  );
}

/** GET /api/v1/subjects?q=&page= — search by name fragment, USCC or pinyin initials. */
export const GET = publicGet(params, (input) => answer(input, "url"));

/** POST /api/v1/subjects with a JSON body {q, page} — the same search; the only way to send an ID number. */
export const POST = publicPost(params, (input) => answer(input, "body"));

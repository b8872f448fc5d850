import "server-only";
import { z } from "zod";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { SUBJECT_KIND_KEYS } from "@/lib/subjects/subject-kinds";
import { DIRECT_ROUTES, type DirectHandler, type DirectRoutes } from "@/lib/web/direct-routes";
import { today } from "../clock";
import { getSubjectProfile } from "../queries/profile";
import { PAGE_SIZE, searchSubjects } from "../queries/search";
import { apiError, pageParam, publicGet, publicJson, publicPost, regionParam } from "./api";

/** The read API's subject routes: app/api/v1/subjects/… export these, and the server in front calls them. */

const searchParams = z.object({
  q: z.string({ message: "请提供查询内容 q" }).max(1000, "过长"),
  page: pageParam,
  kind: z.enum(SUBJECT_KIND_KEYS, { message: "不是有效的主体类型" }).optional(),
  region: regionParam,
});

async function searchAnswer({ q, page, kind, region }: z.infer<typeof searchParams>, via: "url" | "body") {
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
export const searchGet = publicGet(searchParams, (input) => searchAnswer(input, "url"));

/** POST /api/v1/subjects with a JSON body {q, page} — the same search; the only way to send an ID number. */
export const searchPost = publicPost(searchParams, (input) => searchAnswer(input, "body"));

/** GET /api/v1/subjects/{uscc} — a subject's public credit profile; lower case and spaces answer the same. */
export const lookupGet = publicGet(
  z.object({}),
  async (_q, _req, { params }: { params: Promise<{ code: string }> }) => {
    const code = parseSubjectCode((await params).code);
    if (code.kind === "invalid") return apiError(400, "invalid_code", code.message);
    const profile = await getSubjectProfile({ code, today: today() });
    if (!profile)
      return apiError(404, "not_found", "未找到该信用主体：代码格式正确，但本平台没有该主体的信用信息。");
    return publicJson(profile);
  },
);

/** Hands the server in front the GET handlers it may call itself (lib/web/direct-routes). */
export function publishDirectRoutes(): void {
  const routes: DirectRoutes = {
    "/api/v1/subjects": searchGet as DirectHandler,
    "/api/v1/subjects/[code]": lookupGet as DirectHandler,
  };
  (globalThis as Record<symbol, unknown>)[DIRECT_ROUTES] = routes;
}

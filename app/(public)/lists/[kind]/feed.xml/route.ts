import { listKindFromSegment, listKindLabel } from "@/lib/records/list-kinds";
import { buildAtomFeed } from "@/lib/web/atom";
import { siteOrigin } from "@/server/auth/request-meta";
import { today } from "@/server/clock";
import { safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";
import { listEntriesOf } from "@/server/queries/lists";

/** Atom feed of a list's newest publications (public, read-only, rate-limited like the API). */
export const GET = safeHandler(async function GET(
  request: Request,
  { params }: { params: Promise<{ kind: string }> },
) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const segment = (await params).kind;
  const kind = listKindFromSegment(segment);
  if (!kind)
    return new Response("名单类别不存在", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const origin = siteOrigin(request.headers);
  const { rows } = await listEntriesOf({ kind, today: today(), page: 1, pageSize: 50 });
  const xml = buildAtomFeed({
    id: `${origin}/lists/${segment}`,
    title: `信用江西 · ${listKindLabel(kind)}`,
    updated: rows[0]?.publishedAt?.toISOString() ?? new Date(0).toISOString(),
    selfLink: `${origin}/lists/${segment}/feed.xml`,
    alternateLink: `${origin}/lists/${segment}`,
    entries: rows.map((e) => ({
      id: `${origin}/lists/${segment}/${e.id}`,
      title: `${e.subject.name} 列入${e.listName}`,
      updated: (e.publishedAt ?? new Date(`${e.decisionDate}T00:00:00+08:00`)).toISOString(),
      link: `${origin}/lists/${segment}/${e.id}`,
      summary: `${e.dept}于 ${e.decisionDate} 认定，有效期至 ${e.validUntil ?? "长期"}。认定依据：${e.basis}`,
    })),
  });
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
});

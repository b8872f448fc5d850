import { NEWS_CATEGORY_LABEL, newsPath } from "@/lib/content/news";
import { buildAtomFeed } from "@/lib/web/atom";
import { siteOrigin } from "@/server/auth/request-meta";
import { safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";
import { listPublishedNews } from "@/server/queries/news";

/** Issue 13 §3: the newest published news and policies as Atom. */
export const GET = safeHandler(async function GET(request: Request) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const origin = siteOrigin(request.headers);
  const { rows } = await listPublishedNews({ pageSize: 50 });
  const xml = buildAtomFeed({
    id: `${origin}/news`,
    title: "信用江西 · 信用动态与政策法规",
    updated: rows[0]?.publishedAt?.toISOString() ?? new Date(0).toISOString(),
    selfLink: `${origin}/news/feed.xml`,
    alternateLink: `${origin}/news`,
    entries: rows.map((n) => ({
      id: `${origin}${newsPath(n)}`,
      title: n.title,
      updated: (n.publishedAt ?? n.updatedAt).toISOString(),
      link: `${origin}${newsPath(n)}`,
      summary: `【${NEWS_CATEGORY_LABEL[n.category]}】${n.summary ?? ""}`,
    })),
  });
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
});

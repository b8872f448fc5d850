import { subjectFeedEntries } from "@/lib/records/subject-feed";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { buildAtomFeed } from "@/lib/web/atom";
import { siteOrigin } from "@/server/auth/request-meta";
import { today } from "@/server/clock";
import { safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";
import { getSubjectFeedFacts } from "@/server/queries/subject-feed";

const notFound = (message: string) =>
  new Response(message, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Issue 13 §6: an organisation's new public records and list changes, as Atom. */
export const GET = safeHandler(async function GET(
  request: Request,
  { params }: { params: Promise<{ code: string }> },
) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const code = parseSubjectCode((await params).code);
  if (code.kind === "invalid") return notFound("统一社会信用代码无效：没有这个主体的订阅。");
  const s = await getSubjectFeedFacts(code, today());
  if (s === null) return notFound("没有这个主体：无法订阅。");
  if (s === "person") return notFound("自然人的信用信息只以脱敏方式展示，不提供订阅。");
  const origin = siteOrigin(request.headers);
  const entries = subjectFeedEntries(s.facts, origin);
  const xml = buildAtomFeed({
    id: `${origin}/subjects/${s.code}`,
    title: `信用江西 · ${s.name} 的信用信息`,
    updated: entries[0]?.updated ?? new Date(0).toISOString(),
    selfLink: `${origin}/subjects/${s.code}/feed.xml`,
    alternateLink: `${origin}/subjects/${s.code}`,
    entries,
  });
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
});

import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/section";
import { normalizeUscc } from "@/lib/subjects/uscc";
import { firstParam, queryString } from "@/lib/web/query-string";
import { requireBusiness } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getWatchlist } from "@/server/queries/subject-feed";
import { UnwatchForm, WatchForm } from "./forms";

export const metadata: Metadata = { title: "关注的主体" };

/** Issue 13 §6 (2014 plan 预警): the organisations this account deals with, and what changed about them. */
export default async function WatchlistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // from a profile's 关注 link: the code to follow, kept through signing in
  const follow = normalizeUscc(firstParam((await searchParams).follow) ?? "").slice(0, 18);
  const user = await requireBusiness(`/business/watchlist${queryString({ follow: follow || undefined })}`);
  const list = await getWatchlist(user.id, today());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">关注的主体</h1>
      <p className="text-slate-700">
        关注与本单位有业务往来的企业，它们新增的行政处罚、行政许可、名单列入或移出会显示在这里（关注之日或近
        90 天以来）。 也可以在对方的信用信息页订阅 Atom。
      </p>
      <Section id="add" title="添加关注">
        <div className="p-4">
          <WatchForm uscc={follow || undefined} />
        </div>
      </Section>
      {list.length === 0 && <p className="text-slate-600">还没有关注任何主体。</p>}
      {list.map((w) => (
        <Section
          key={w.subjectId}
          id={`w-${w.subjectId}`}
          title={w.name}
          count={w.changes.length}
          empty="关注以来没有新的公示信息。"
        >
          <div className="flex flex-wrap items-center gap-4 px-4 pt-3 text-sm">
            <Link href={`/subjects/${w.uscc}`} className="text-brand-700 underline">
              信用信息页
            </Link>
            <span className="text-slate-600">{w.addedOn} 起关注</span>
            <UnwatchForm subjectId={w.subjectId} name={w.name} />
          </div>
          {w.changes.length === 0 && (
            <p className="px-4 py-3 text-sm text-slate-600">关注以来没有新的公示信息。</p>
          )}
          <ul className="divide-y divide-slate-100 text-sm">
            {w.changes.map((c) => (
              <li key={c.id} className="px-4 py-2">
                <Link href={c.link} className="text-brand-700 underline">
                  {c.title}
                </Link>
                <span className="ml-2 text-slate-600">{c.summary}</span>
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </div>
  );
}

import Link from "next/link";
import { connection } from "next/server";
import { NewsList } from "@/components/news-list";
import { SearchBox } from "@/components/search-box";
import { SearchExamples } from "@/components/search-examples";
import { StatCard } from "@/components/stat-card";
import { LIST_KIND_SHORT } from "@/lib/records/list-kinds";
import { formatDateZh } from "@/lib/web/format";
import { LIST_KIND_LABELS, LIST_KIND_SEGMENTS } from "@/lib/web/navigation";
import { today } from "@/server/clock";
import { getHomeStats, getLatestListPublications, getSearchExamples } from "@/server/queries/home";
import { listPublishedNews } from "@/server/queries/news";
import { getCities } from "@/server/queries/regions";
import { submitSearch } from "./search/actions";

const KIND_STYLE = {
  red: "bg-red-50 text-red-800 border-red-200",
  serious_dishonesty: "bg-slate-800 text-white border-slate-800",
  key_attention: "bg-amber-50 text-amber-900 border-amber-300",
  market_ban: "bg-purple-50 text-purple-900 border-purple-200",
} as const;

export default async function HomePage() {
  await connection(); // the layout's call does not cover the page: React renders both at once
  const day = today();
  const [stats, latest, cities, news, examples] = await Promise.all([
    getHomeStats({ today: day }),
    getLatestListPublications({ today: day, limit: 10 }),
    getCities(),
    listPublishedNews({ pageSize: 6 }),
    getSearchExamples(),
  ]);
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="search-title"
        className="rounded-lg bg-gradient-to-br from-brand-700 to-brand-900 px-4 py-8 text-white sm:px-8 sm:py-12"
      >
        <h1 id="search-title" className="text-2xl font-bold sm:text-3xl">
          查信用，上信用江西
        </h1>
        <p className="mt-2 text-brand-100">
          查询企业、个体工商户、社会组织等信用主体的行政许可、行政处罚、红黑名单和信用承诺。
        </p>
        <div className="mt-6 max-w-3xl">
          <SearchBox action={submitSearch} large />
        </div>
        {examples && (
          <p className="mt-3 text-sm text-brand-100">
            <SearchExamples examples={examples} tone="inverse" />
          </p>
        )}
      </section>

      <HomeSection id="stats" title="数据概览">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <StatCard label="信用主体" value={stats.subjects} href="/search" />
          <StatCard label="有效期内的行政许可" value={stats.licences} href="/licences" />
          <StatCard label="公示中的行政处罚" value={stats.penalties} href="/penalties" />
          <StatCard label="在册名单条目" value={stats.listEntries} href="/lists/red" />
        </div>
        <p className="mt-2 text-sm">
          <Link href="/statistics" className="text-brand-700 underline">
            更多信用统计
          </Link>
        </p>
      </HomeSection>

      <HomeSection
        id="news"
        title="信用动态与政策法规"
        more={[
          ["/news", "更多动态"],
          ["/policies", "政策法规"],
        ]}
      >
        <div className="rounded border border-slate-200 bg-white">
          <NewsList items={news.rows} empty="暂无动态。" />
        </div>
      </HomeSection>

      <HomeSection id="cities" title="地方信用">
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6 lg:grid-cols-11">
          {cities.map((c) => (
            <li key={c.code}>
              <Link
                href={`/regions/${c.code}`}
                className="block rounded border border-slate-200 bg-white px-2 py-2 text-center hover:border-brand-600"
              >
                {c.name.replace(/市$/, "")}
              </Link>
            </li>
          ))}
        </ul>
      </HomeSection>

      <HomeSection id="latest" title="最新名单公布" more={[["/lists/serious-dishonesty", "查看全部名单"]]}>
        {latest.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4 text-slate-600">
            暂无公布中的名单信息。
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {latest.map((e) => (
              <li key={e.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:gap-3">
                <span
                  className={`w-fit shrink-0 rounded border px-2 py-0.5 text-xs ${KIND_STYLE[e.kind]}`}
                  title={LIST_KIND_LABELS[e.kind]}
                >
                  {LIST_KIND_SHORT[e.kind]}
                </span>
                {/* each entry opens its own entry page (issue 10) */}
                <Link
                  href={`/lists/${LIST_KIND_SEGMENTS[e.kind]}/${e.id}`}
                  className="min-w-0 flex-1 break-words font-medium text-brand-700 hover:underline"
                >
                  {e.subjectName}
                </Link>
                <span className="text-sm text-slate-600">{e.listName}</span>
                {e.decisionDate && (
                  <span className="shrink-0 text-sm tabular-nums text-slate-500">
                    {formatDateZh(e.decisionDate)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </HomeSection>
    </div>
  );
}

/** A block of the home page: its heading, with links to where the whole of it is. */
function HomeSection({
  id,
  title,
  more = [],
  children,
}: {
  id: string;
  title: string;
  more?: [href: string, label: string][];
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <span className="space-x-3 text-sm">
          {more.map(([href, label]) => (
            <Link key={href} href={href} className="text-brand-700 underline">
              {label}
            </Link>
          ))}
        </span>
      </div>
      {children}
    </section>
  );
}

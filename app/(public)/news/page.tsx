import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NewsList } from "@/components/news-list";
import { Pagination } from "@/components/pagination";
import { NEWS_CATEGORY_LABEL, type NewsCategory } from "@/lib/content/news";
import { firstParam, pageParam, queryString } from "@/lib/web/query-string";
import { listPublishedNews } from "@/server/queries/news";

export const metadata: Metadata = {
  title: "信用动态",
  description: "信用江西工作动态、典型案例和信用知识。",
  alternates: { types: { "application/atom+xml": "/news/feed.xml" } },
};

const TABS: NewsCategory[] = ["work", "case", "knowledge"];

/** Issue 13 §3: 工作动态, 典型案例 (with the graded-supervision cases of 2020 plan §14) and 信用知识. */
export default async function NewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const sp = await searchParams;
  const tab = TABS.find((t) => t === firstParam(sp.category));
  const page = pageParam(sp.page);
  const { rows, total } = await listPublishedNews({ categories: tab ? [tab] : TABS, page });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">信用动态</h1>
        <a href="/news/feed.xml" className="text-sm text-brand-700 underline">
          订阅（Atom）
        </a>
      </div>
      <nav aria-label="栏目" className="flex gap-1 overflow-x-auto border-b border-slate-300">
        {[undefined, ...TABS].map((t) => (
          <Link
            key={t ?? "all"}
            href={`/news${queryString({ category: t })}`}
            aria-current={t === tab ? "page" : undefined}
            className={`whitespace-nowrap px-4 py-2 ${t === tab ? "border-b-2 border-brand-700 font-bold text-brand-800" : "text-slate-600"}`}
          >
            {t ? NEWS_CATEGORY_LABEL[t] : "全部"}
          </Link>
        ))}
      </nav>
      <div className="rounded border border-slate-200 bg-white">
        <NewsList items={rows} empty="暂无内容。" />
      </div>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 20)}
        href={(p) => `/news${queryString({ category: tab, page: p })}`}
      />
    </div>
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import { NewsList } from "@/components/news-list";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/web/query-string";
import { listPublishedNews } from "@/server/queries/news";

export const metadata: Metadata = {
  title: "政策法规",
  description: "社会信用体系建设的法律法规、规章和政策文件。",
};

export default async function PoliciesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const page = pageParam((await searchParams).page);
  const { rows, total } = await listPublishedNews({ categories: ["policy"], page });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">政策法规</h1>
      <div className="rounded border border-slate-200 bg-white">
        <NewsList items={rows} empty="暂无政策法规。" />
      </div>
      <Pagination page={page} pageCount={Math.ceil(total / 20)} href={(p) => `/policies?page=${p}`} />
    </div>
  );
}

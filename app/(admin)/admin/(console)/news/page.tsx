import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { NEWS_CATEGORY_LABEL, NEWS_STATE_LABEL, newsPath } from "@/lib/content/news";
import { formatTimeZh } from "@/lib/web/format";
import { requireRole } from "@/server/auth/guard";
import { listAllNews } from "@/server/queries/news";

export const metadata: Metadata = { title: "新闻与政策" };

const fmt = (d: Date | null) => (d ? formatTimeZh(d, "seconds") : "");

export default async function NewsAdminPage() {
  await requireRole("editor");
  const items = await listAllNews();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">新闻与政策</h1>
        <Link href="/admin/news/new" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
          新建稿件
        </Link>
      </div>
      <DataTable
        headers={["标题", "栏目", "地区", "状态", "更新时间"]}
        empty={items.length === 0 && "还没有稿件。"}
      >
        {items.map((n) => (
          <tr key={n.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/admin/news/${n.id}`} className="text-brand-700 underline">
                {n.title}
              </Link>
              {n.status === "published" && (
                <Link href={newsPath(n)} className="ml-2 text-xs text-slate-600 underline">
                  网站上查看
                </Link>
              )}
            </td>
            <td className="px-3 py-2">{NEWS_CATEGORY_LABEL[n.category]}</td>
            <td className="px-3 py-2">{n.regionName ?? "全省"}</td>
            <td className="px-3 py-2">{NEWS_STATE_LABEL[n.status]}</td>
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">{fmt(n.updatedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NEWS_STATE_LABEL, newsPath } from "@/lib/content/news";
import { firstParam, intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { getNewsItem } from "@/server/queries/news";
import { getCities } from "@/server/queries/regions";
import { NewsForm } from "../news-form";
import { StatusForm } from "./status-form";

export const metadata: Metadata = { title: "编辑稿件" };

export default async function EditNewsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("editor");
  const id = intParam((await params).id);
  if (id === undefined) notFound();
  const [item, cities] = await Promise.all([getNewsItem(id, false), getCities()]);
  if (!item) notFound();
  const saved = firstParam((await searchParams).saved) === "1";
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/admin/news" className="text-sm text-brand-700 underline">
        ← 返回新闻与政策
      </Link>
      <h1 className="text-2xl font-bold">
        {item.title}
        <span className="ml-2 text-base font-normal text-slate-600">{NEWS_STATE_LABEL[item.status]}</span>
      </h1>
      {saved && (
        <p
          role="status"
          className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          草稿已保存。核对无误后点击「发布」。
        </p>
      )}
      <div className="flex flex-wrap items-start gap-4 rounded border border-slate-200 bg-white p-4">
        {item.status !== "published" && <StatusForm id={item.id} title={item.title} event="publish" />}
        {item.status === "published" && (
          <>
            <StatusForm id={item.id} title={item.title} event="withdraw" />
            <Link href={newsPath(item)} className="text-brand-700 underline">
              在网站上查看
            </Link>
          </>
        )}
      </div>
      {item.attachments.length > 0 && (
        <ul className="text-sm">
          {item.attachments.map((a) => (
            <li key={a.id}>
              附件：
              <a href={`/news/attachments/${a.id}`} className="text-brand-700 underline">
                {a.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      <NewsForm item={item} cities={cities} />
    </div>
  );
}

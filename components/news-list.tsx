import Link from "next/link";
import { NEWS_CATEGORY_LABEL, type NewsCategory, newsPath } from "@/lib/content/news";

type Item = {
  id: number;
  category: NewsCategory;
  title: string;
  summary: string | null;
  regionName: string | null;
  publishedAt: Date | null;
};
const day = (d: Date | null) => (d ? d.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }) : "");

/** Titles with their column, place and date, newest first. */
export function NewsList({ items, empty }: { items: Item[]; empty: string }) {
  if (items.length === 0) return <p className="px-4 py-3 text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((n) => (
        <li key={n.id} className="px-4 py-3">
          <Link href={newsPath(n)} className="font-medium text-brand-700 underline">
            {n.title}
          </Link>
          <p className="mt-1 text-sm text-slate-600">
            {NEWS_CATEGORY_LABEL[n.category]}
            {n.regionName ? ` · ${n.regionName}` : ""} · {day(n.publishedAt)}
          </p>
          {n.summary && <p className="mt-1 text-sm text-slate-700">{n.summary}</p>}
        </li>
      ))}
    </ul>
  );
}

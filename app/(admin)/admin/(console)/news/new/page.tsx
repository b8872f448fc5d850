import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/server/auth/guard";
import { getCities } from "@/server/queries/regions";
import { NewsForm } from "../news-form";

export const metadata: Metadata = { title: "新建稿件" };

export default async function NewNewsPage() {
  await requireRole("editor");
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/admin/news" className="text-sm text-brand-700 underline">
        ← 返回新闻与政策
      </Link>
      <h1 className="text-2xl font-bold">新建稿件</h1>
      <NewsForm cities={await getCities()} />
    </div>
  );
}

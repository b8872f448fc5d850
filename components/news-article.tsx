import Link from "next/link";
import { NEWS_CATEGORY_LABEL, type NewsCategory } from "@/lib/content/news";
import { sanitizeNewsHtml } from "@/lib/content/sanitize";
import { formatTimeZh } from "@/lib/web/format";

type Article = {
  category: NewsCategory;
  title: string;
  regionName: string | null;
  publishedAt: Date | null;
  bodyHtml: string;
  attachments: { id: number; fileName: string; sizeBytes: number }[];
};

/** One published item. Its body is sanitised when saved and once more as it is rendered (lib/content/sanitize). */
export function NewsArticle({ a, back }: { a: Article; back: { href: string; label: string } }) {
  return (
    <article className="max-w-3xl space-y-4">
      <Link href={back.href} className="text-sm text-brand-700 underline">
        ← {back.label}
      </Link>
      <h1 className="text-2xl font-bold">{a.title}</h1>
      <p className="text-sm text-slate-600">
        {NEWS_CATEGORY_LABEL[a.category]}
        {a.regionName ? ` · ${a.regionName}` : ""} · 发布于{" "}
        {a.publishedAt && formatTimeZh(a.publishedAt, "seconds")}
      </p>
      <div
        className="news-body space-y-3 leading-7"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by lib/content/sanitize (sanitize-html, an allow-list) when saved in server/services/news.ts, and again here
        dangerouslySetInnerHTML={{ __html: sanitizeNewsHtml(a.bodyHtml) }}
      />
      {a.attachments.length > 0 && (
        <section aria-labelledby="attachments" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="attachments" className="font-semibold">
            附件
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {a.attachments.map((f) => (
              <li key={f.id}>
                <a href={`/news/attachments/${f.id}`} className="text-brand-700 underline">
                  {f.fileName}
                </a>
                <span className="ml-2 text-slate-600">{Math.max(1, Math.round(f.sizeBytes / 1024))} KB</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

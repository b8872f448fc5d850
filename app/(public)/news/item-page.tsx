import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { NewsArticle } from "@/components/news-article";
import { newsPath } from "@/lib/content/news";
import { getNewsItem } from "@/server/queries/news";

type Props = { params: Promise<{ id: string }> };

async function load(raw: string) {
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? getNewsItem(id, true) : null;
}

/** A published item's page under /news or /policies; an item asked for under the other is redirected. */
export function newsItemPage(section: "news" | "policies") {
  const back =
    section === "news" ? { href: "/news", label: "信用动态" } : { href: "/policies", label: "政策法规" };
  return {
    async generateMetadata({ params }: Props): Promise<Metadata> {
      const item = await load((await params).id);
      return { title: item?.title ?? "内容不存在或已撤回" };
    },
    async Page({ params }: Props) {
      await connection();
      const item = await load((await params).id);
      if (!item) notFound();
      if (newsPath(item) !== `/${section}/${item.id}`) permanentRedirect(newsPath(item));
      return <NewsArticle a={item} back={back} />;
    },
  };
}

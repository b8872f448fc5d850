import "server-only";
import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { newsAttachments, newsItems, regions, users } from "@/db/schema";
import type { NewsCategory } from "@/lib/content/news";
import { getDb } from "../db";
import { publicDb } from "../reads";

const summaryColumns = {
  id: newsItems.id,
  category: newsItems.category,
  title: newsItems.title,
  summary: newsItems.summary,
  regionCode: newsItems.regionCode,
  regionName: regions.name,
  status: newsItems.status,
  publishedAt: newsItems.publishedAt,
  updatedAt: newsItems.updatedAt,
};

/** Published items, newest first: of some categories, of one city (or the province's and that city's). */
export async function listPublishedNews(f: {
  categories?: readonly NewsCategory[];
  regionCode?: string;
  page?: number;
  pageSize?: number;
}) {
  const db = await publicDb();
  const size = f.pageSize ?? 20;
  const where: SQL[] = [eq(newsItems.status, "published")];
  if (f.categories) where.push(inArray(newsItems.category, [...f.categories]));
  if (f.regionCode) where.push(eq(newsItems.regionCode, f.regionCode));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(newsItems)
      .leftJoin(regions, eq(regions.code, newsItems.regionCode))
      .where(cond)
      .orderBy(desc(newsItems.publishedAt), desc(newsItems.id))
      .limit(size)
      .offset(((f.page ?? 1) - 1) * size),
    db.select({ n: count() }).from(newsItems).where(cond),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** One item with its attachments; the public sees only a published one. */
export async function getNewsItem(id: number, publicOnly: boolean) {
  const db = publicOnly ? await publicDb() : await getDb();
  const [item] = await db
    .select({ ...summaryColumns, bodyHtml: newsItems.bodyHtml, editor: users.displayName })
    .from(newsItems)
    .leftJoin(regions, eq(regions.code, newsItems.regionCode))
    .leftJoin(users, eq(users.id, newsItems.updatedBy))
    .where(and(eq(newsItems.id, id), publicOnly ? eq(newsItems.status, "published") : undefined));
  if (!item) return null;
  const attachments = await db
    .select({
      id: newsAttachments.id,
      fileName: newsAttachments.fileName,
      sizeBytes: newsAttachments.sizeBytes,
    })
    .from(newsAttachments)
    .where(eq(newsAttachments.newsId, id))
    .orderBy(newsAttachments.id);
  return { ...item, attachments };
}

/** An attachment to send: only of a published item, unless an editor asks. */
export async function getNewsAttachment(id: number, publicOnly: boolean) {
  const db = publicOnly ? await publicDb() : await getDb();
  const [a] = await db
    .select({
      fileName: newsAttachments.fileName,
      storagePath: newsAttachments.storagePath,
      status: newsItems.status,
    })
    .from(newsAttachments)
    .innerJoin(newsItems, eq(newsItems.id, newsAttachments.newsId))
    .where(eq(newsAttachments.id, id));
  if (!a || (publicOnly && a.status !== "published")) return null;
  return a;
}

/** The console's list: every item, drafts and withdrawn ones too. */
export async function listAllNews() {
  const db = await getDb();
  return db
    .select(summaryColumns)
    .from(newsItems)
    .leftJoin(regions, eq(regions.code, newsItems.regionCode))
    .orderBy(desc(newsItems.updatedAt))
    .limit(200);
}

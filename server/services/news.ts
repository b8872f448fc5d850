import "server-only";
import { eq } from "drizzle-orm";
import { newsAttachments, newsItems } from "@/db/schema";
import { type NewsCategory, type NewsEvent, newsEventProblem } from "@/lib/content/news";
import { plainTextOf, sanitizeNewsHtml } from "@/lib/content/sanitize";
import { auditBy } from "../audit";
import { discardCaseFiles, storeCaseFiles } from "../case-files";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";

export type NewsInput = {
  id?: number;
  category: NewsCategory;
  title: string;
  summary?: string;
  bodyHtml: string;
  regionCode?: string;
};

/**
 * Issue 13 §3: an editor writes or corrects an item. The body is sanitised here, whatever the browser sent; PDF
 * attachments are checked from their content and kept only if the transaction commits. Audited with before/after.
 */
export async function saveNews(
  { db, actor, meta }: ServiceContext,
  input: NewsInput,
  files: readonly File[],
): Promise<{ id: number }> {
  const bodyHtml = sanitizeNewsHtml(input.bodyHtml);
  if (plainTextOf(bodyHtml).length < 10)
    throw new AppError("invalid", "正文至少 10 个字（不计被清除的代码）。");
  const stored = await storeCaseFiles(files);
  if (stored.some((f) => f.mimeType !== "application/pdf")) {
    await discardCaseFiles(stored);
    throw new AppError("invalid", "附件只接受 PDF 文件。");
  }
  try {
    return await db.transaction(async (tx) => {
      const values = {
        category: input.category,
        title: input.title,
        summary: input.summary || null,
        bodyHtml,
        regionCode: input.regionCode || null,
        updatedBy: actor.id,
        updatedAt: new Date(),
      };
      let id = input.id;
      let before: unknown = null;
      if (id) {
        const [row] = await tx.select().from(newsItems).where(eq(newsItems.id, id)).for("update");
        if (!row) throw new AppError("not_found", "稿件不存在。");
        before = { title: row.title, category: row.category, status: row.status, regionCode: row.regionCode };
        await tx.update(newsItems).set(values).where(eq(newsItems.id, id));
      } else {
        const [row] = await tx
          .insert(newsItems)
          .values({ ...values, createdBy: actor.id })
          .returning({ id: newsItems.id });
        id = row?.id;
      }
      if (!id) throw new Error("news item not stored");
      if (stored.length > 0)
        await tx.insert(newsAttachments).values(
          stored.map((f) => ({
            newsId: id as number,
            fileName: f.fileName,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            storagePath: f.storagePath,
          })),
        );
      await auditBy(
        tx,
        { actor, meta },
        {
          action: input.id ? "news.update" : "news.create",
          entityType: "news",
          entityId: String(id),
          before,
          after: {
            title: input.title,
            category: input.category,
            regionCode: input.regionCode ?? null,
            attachments: stored.length,
          },
        },
      );
      return { id };
    });
  } catch (err) {
    await discardCaseFiles(stored);
    throw err;
  }
}

/** 发布 / 撤回, each audited; a withdrawn item leaves every public page and feed. */
export async function changeNewsStatus(
  { db, actor, meta }: ServiceContext,
  input: { id: number; event: Exclude<NewsEvent, "edit"> },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(newsItems).where(eq(newsItems.id, input.id)).for("update");
    if (!row) throw new AppError("not_found", "稿件不存在。");
    const problem = newsEventProblem(row.status, input.event);
    if (problem) throw new AppError("conflict", problem);
    const now = new Date();
    const next =
      input.event === "publish"
        ? { status: "published" as const, publishedAt: row.publishedAt ?? now, withdrawnAt: null }
        : { status: "withdrawn" as const, withdrawnAt: now };
    await tx
      .update(newsItems)
      .set({ ...next, updatedBy: actor.id, updatedAt: now })
      .where(eq(newsItems.id, input.id));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: input.event === "publish" ? "news.publish" : "news.withdraw",
        entityType: "news",
        entityId: String(input.id),
        before: { status: row.status },
        after: { status: next.status },
      },
    );
  });
}

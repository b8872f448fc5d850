import {
  bigint,
  bigserial,
  char,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { NEWS_CATEGORIES, NEWS_STATES } from "../../lib/content/news";
import { timestamps } from "./_columns";
import { userRef } from "./_refs";
import { regions } from "./regions";

export const newsCategory = pgEnum("news_category", NEWS_CATEGORIES);
export const newsStatus = pgEnum("news_status", NEWS_STATES);

/** Issue 13 §3: 政策法规, 工作动态, 典型案例 and 信用知识, written by editors; the body is stored sanitised. */
export const newsItems = pgTable(
  "news_items",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    category: newsCategory().notNull(),
    title: varchar({ length: 200 }).notNull(),
    summary: varchar({ length: 500 }),
    /** sanitised HTML (lib/content/sanitize): what the public page shows */
    bodyHtml: text().notNull(),
    /** a city's own item (its view at /regions/{code} shows it); none: the province's */
    regionCode: varchar({ length: 6 }).references(() => regions.code),
    status: newsStatus().notNull().default("draft"),
    publishedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    createdBy: userRef(),
    updatedBy: userRef(),
    ...timestamps,
  },
  (t) => [index().on(t.status, t.category, t.publishedAt)],
);

/** PDF attachments of a news item, stored like case files (outside public/, type checked from content). */
export const newsAttachments = pgTable("news_attachments", {
  id: bigserial({ mode: "number" }).primaryKey(),
  newsId: bigint({ mode: "number" })
    .notNull()
    .references(() => newsItems.id),
  fileName: varchar({ length: 200 }).notNull(),
  sizeBytes: integer().notNull(),
  sha256: char({ length: 64 }).notNull(),
  storagePath: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

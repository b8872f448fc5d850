import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { inboxMessages, notices } from "@/db/schema";
import { getDb } from "../db";

/** The 站内信 not yet opened, for the header (issue 22 §2). */
export async function getUnreadCount({ userId }: { userId: number }): Promise<number> {
  const db = await getDb();
  const [r] = await db
    .select({ n: count() })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)));
  return Number(r?.n ?? 0);
}

const PAGE = 20;
/** what a message shows in the list: with its notice's service, if it is one */
const LISTED = {
  id: inboxMessages.id,
  title: inboxMessages.title,
  href: inboxMessages.href,
  createdAt: inboxMessages.createdAt,
  readAt: inboxMessages.readAt,
  notice: notices.kind,
  servedOn: notices.servedOn,
};

/** A user's messages, newest first; each says whether it is a notice still waiting for its service. */
export async function getInbox({ userId, page }: { userId: number; page: number }) {
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select(LISTED)
      .from(inboxMessages)
      .leftJoin(notices, eq(notices.id, inboxMessages.noticeId))
      .where(eq(inboxMessages.userId, userId))
      .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
      .limit(PAGE)
      .offset((page - 1) * PAGE),
    db.select({ n: count() }).from(inboxMessages).where(eq(inboxMessages.userId, userId)),
  ]);
  return { rows, total: Number(total?.n ?? 0), pageCount: Math.ceil(Number(total?.n ?? 0) / PAGE) };
}

/** One message of this user's, or null (someone else's is answered as absent). */
export async function getMessage({ userId, id }: { userId: number; id: number }) {
  const db = await getDb();
  const [m] = await db
    .select({ ...LISTED, body: inboxMessages.body })
    .from(inboxMessages)
    .leftJoin(notices, eq(notices.id, inboxMessages.noticeId))
    .where(and(eq(inboxMessages.id, id), eq(inboxMessages.userId, userId)));
  return m ?? null;
}

export type InboxRow = Awaited<ReturnType<typeof getInbox>>["rows"][number];
export type InboxMessage = NonNullable<Awaited<ReturnType<typeof getMessage>>>;

import Link from "next/link";
import { notFound } from "next/navigation";
import { InboxList, MessageView } from "@/components/inbox";
import { Pagination } from "@/components/pagination";
import { getInbox, getMessage } from "@/server/queries/inbox";
import { MarkRead } from "./mark-read";

/** The message centre's list, for the portal and the console; the page has checked who is signed in. */
export async function InboxBody({ userId, page, base }: { userId: number; page: number; base: string }) {
  const { rows, total, pageCount } = await getInbox({ userId, page });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">消息</h1>
      <p className="text-sm text-slate-600">共 {total} 条</p>
      <InboxList rows={rows} base={base} />
      <Pagination page={page} pageCount={pageCount} href={(p) => `${base}?page=${p}`} />
    </div>
  );
}

export async function MessageBody({
  userId,
  id,
  base,
}: {
  userId: number;
  id: number | undefined;
  base: string;
}) {
  const m = id !== undefined ? await getMessage({ userId, id }) : null;
  if (!m) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={base} className="text-sm text-brand-700 underline">
        ← 返回消息
      </Link>
      <MessageView m={m} caseLabel="查看事项" />
      {m.readAt === null && <MarkRead id={m.id} />}
    </div>
  );
}

import type { Metadata } from "next";
import { MessageBody } from "@/app/_account/inbox-pages";
import { intParam } from "@/lib/web/query-string";
import { requireUser } from "@/server/auth/guard";

export const metadata: Metadata = { title: "消息" };

export default async function ConsoleMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  return <MessageBody userId={user.id} id={intParam(id)} base="/admin/messages" />;
}

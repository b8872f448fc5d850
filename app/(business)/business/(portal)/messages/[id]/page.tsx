import type { Metadata } from "next";
import { MessageBody } from "@/app/_account/inbox-pages";
import { intParam } from "@/lib/web/query-string";
import { requireBusiness } from "@/server/auth/guard";

export const metadata: Metadata = { title: "消息" };

export default async function BusinessMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireBusiness(`/business/messages/${encodeURIComponent(id)}`);
  return <MessageBody userId={user.id} id={intParam(id)} base="/business/messages" />;
}

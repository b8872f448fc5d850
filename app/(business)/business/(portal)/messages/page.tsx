import type { Metadata } from "next";
import { InboxBody } from "@/app/_account/inbox-pages";
import { intParam } from "@/lib/web/query-string";
import { requireBusiness } from "@/server/auth/guard";

export const metadata: Metadata = { title: "消息" };

export default async function BusinessInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireBusiness("/business/messages");
  const page = intParam((await searchParams).page) ?? 1;
  return <InboxBody userId={user.id} page={page} base="/business/messages" />;
}

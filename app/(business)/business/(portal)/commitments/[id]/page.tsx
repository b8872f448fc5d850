import type { Metadata } from "next";
import { requireBusiness } from "@/server/auth/guard";
import { BusinessCasePage } from "../../business-case";

export const metadata: Metadata = { title: "办件详情" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireBusiness();
  return <BusinessCasePage kind="commitments" user={user} params={params} />;
}

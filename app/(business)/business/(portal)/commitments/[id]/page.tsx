import type { Metadata } from "next";
import { BusinessCasePage } from "../../case-page";

export const metadata: Metadata = { title: "办件详情" };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <BusinessCasePage kind="commitments" params={params} />;
}

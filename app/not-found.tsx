import { connection } from "next/server";
import { submitSearch } from "@/app/(public)/search/actions";
import { NotFoundBody } from "@/components/not-found-body";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { isDemoDataLoaded } from "@/server/queries/home";

export const metadata = { title: "页面不存在" };

export default async function NotFound() {
  await connection();
  const demo = await isDemoDataLoaded().catch(() => false);
  return (
    <>
      <SiteHeader demo={demo} />
      <main id="main" className="px-4 py-6">
        <NotFoundBody search={submitSearch} />
      </main>
      <SiteFooter demo={demo} />
    </>
  );
}

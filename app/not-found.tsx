import Link from "next/link";
import { connection } from "next/server";
import { submitSearch } from "@/app/(public)/search/actions";
import { SearchBox } from "@/components/search-box";
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
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-12">
        <h1 className="text-2xl font-bold">页面不存在</h1>
        <p className="text-slate-700">
          您访问的页面不存在、已被移除，或该栏目正在建设中。可以试试查询信用主体：
        </p>
        <SearchBox action={submitSearch} />
        <p>
          <Link href="/" className="text-brand-700 underline">
            返回首页
          </Link>
        </p>
      </main>
      <SiteFooter demo={demo} />
    </>
  );
}

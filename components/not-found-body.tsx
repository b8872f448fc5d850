import Link from "next/link";
import { SearchBox } from "./search-box";

/** What a page that does not exist says, inside whichever frame (the site's, or the bare root) shows it. */
export function NotFoundBody({ search }: { search: React.ComponentProps<typeof SearchBox>["action"] }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4 py-6">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="text-slate-700">
        您访问的页面不存在、已被移除，或该栏目正在建设中。可以试试查询信用主体：
      </p>
      <SearchBox action={search} />
      <p>
        <Link href="/" className="text-brand-700 underline">
          返回首页
        </Link>
      </p>
    </div>
  );
}

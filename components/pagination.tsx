import Link from "next/link";

/** Previous / next with the page number; `href(page)` keeps the other query parameters. */
export function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const linkStyle = "rounded border border-slate-300 bg-white px-3 py-1.5 hover:border-brand-600";
  return (
    <nav aria-label="分页" className="mt-4 flex items-center justify-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkStyle} rel="prev">
          上一页
        </Link>
      ) : (
        <span className="px-3 py-1.5 text-slate-600">上一页</span>
      )}
      <span aria-current="page">
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkStyle} rel="next">
          下一页
        </Link>
      ) : (
        <span className="px-3 py-1.5 text-slate-600">下一页</span>
      )}
    </nav>
  );
}

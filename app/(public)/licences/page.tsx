import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DisclosureFilterForm, DisclosureTabs } from "@/components/disclosure-filter-form";
import { Pagination } from "@/components/pagination";
import { parseDisclosureFilters } from "@/lib/records/disclosure-filters";
import { formatCount } from "@/lib/web/format";
import { queryString } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { listLicences } from "@/server/queries/disclosure";
import { getFilterOptions } from "@/server/queries/filter-options";

export const metadata: Metadata = { title: "行政许可公示" };

export default async function LicencesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const f = parseDisclosureFilters(await searchParams);
  const [{ rows, total, capped }, options] = await Promise.all([
    listLicences({ ...f, today: today() }),
    getFilterOptions(),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">双公示 · 行政许可</h1>
      <DisclosureTabs active="licences" />
      <p className="text-sm text-slate-600">
        行政许可决定自作出之日起公示；已过有效期的许可在主体信用信息页的历史部分查看。
      </p>
      <DisclosureFilterForm action="/licences" filters={f} {...options} />
      <p className="text-slate-700">共 {capped ? `${formatCount(total - 1)}+` : formatCount(total)} 条</p>
      {rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-600">
          没有符合条件的行政许可。
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="space-y-1 p-3">
              <Link href={`/licences/${r.id}`} className="font-medium text-brand-700 underline">
                {r.counterpartName}
              </Link>
              <p className="text-sm">
                {r.certificateName ?? r.decisionTitle}：{r.content}
              </p>
              <p className="flex flex-wrap gap-x-4 text-sm text-slate-600">
                <span>{r.decisionNo}</span>
                <span>{r.authority}</span>
                <span>决定日期 {r.decisionDate}</span>
                <span>有效期至 {r.validTo ?? "长期"}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={f.page}
        pageCount={Math.min(500, Math.ceil(total / 20))}
        href={(page) =>
          `/licences${queryString({ dept: f.dept, region: f.region, from: f.from, to: f.to, page })}`
        }
      />
    </div>
  );
}

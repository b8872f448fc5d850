import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DisclosureList } from "@/components/disclosure-filter-form";
import { parseDisclosureFilters } from "@/lib/records/disclosure-filters";
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
    <DisclosureList
      kind="licences"
      intro="行政许可决定自作出之日起公示；已过有效期的许可在主体信用信息页的历史部分查看。"
      filters={f}
      options={options}
      total={total}
      capped={capped}
      empty="没有符合条件的行政许可。"
    >
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
    </DisclosureList>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DisclosureList } from "@/components/disclosure-filter-form";
import { SeverityBadge } from "@/components/subject-flags";
import { parseDisclosureFilters } from "@/lib/records/disclosure-filters";
import { today } from "@/server/clock";
import { listPenalties } from "@/server/queries/disclosure";
import { getFilterOptions } from "@/server/queries/filter-options";

export const metadata: Metadata = { title: "行政处罚公示" };

export default async function PenaltiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const f = parseDisclosureFilters(await searchParams);
  const [{ rows, total, capped }, options] = await Promise.all([
    listPenalties({ ...f, today: today() }),
    getFilterOptions(),
  ]);
  return (
    <DisclosureList
      kind="penalties"
      intro="公示期内的行政处罚决定。一般失信行政处罚公示 3 个月至 1 年，严重失信行政处罚公示 1 年至 3 年，期满自动停止公示。"
      filters={f}
      options={options}
      total={total}
      capped={capped}
      empty="没有符合条件的行政处罚。"
    >
      {rows.map((r) => (
        <li key={r.id} className="space-y-1 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/penalties/${r.id}`} className="font-medium text-brand-700 underline">
              {r.counterpartName}
            </Link>
            <SeverityBadge severity={r.severity} />
          </div>
          <p className="text-sm">
            {r.violationType}：{r.penaltyContent}
          </p>
          <p className="flex flex-wrap gap-x-4 text-sm text-slate-600">
            <span>{r.decisionNo}</span>
            <span>{r.authority}</span>
            <span>决定日期 {r.decisionDate}</span>
            <span>公示截止 {r.publicUntil}</span>
          </p>
        </li>
      ))}
    </DisclosureList>
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import { StatCard } from "@/components/stat-card";
import { StatisticsView } from "@/components/statistics-view";
import { today } from "@/server/clock";
import { getStatistics, STATISTICS_SECTIONS } from "@/server/queries/statistics";

export const metadata: Metadata = {
  title: "信用统计",
  description: "江西省公共信用信息统计：双公示、红黑名单、信用修复、异议处理和信用承诺，每项可下载 CSV。",
};

const CHART = { departments: "vertical", cities: "vertical", lists: "vertical" } as const;

/** Issue 13 §4: the province's public figures, the same as the open data on the same day. */
export default async function StatisticsPage() {
  await connection();
  const s = await getStatistics(today());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">信用统计</h1>
      <p className="text-slate-700">
        截至 {s.asOf} 公示中的信息。每个数字都按与
        <a href="/open-data" className="text-brand-700 underline">
          开放数据
        </a>
        相同的公示规则统计，同一天下载的数据集行数与此一致。
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="公示中的行政处罚" value={s.totals.penalties} href="/penalties" />
        <StatCard label="行政许可" value={s.totals.licences} href="/licences" />
        <StatCard label="名单中的主体（各类合计）" value={s.totals.listed} href="/lists/red" />
        <StatCard label="公示中的信用承诺" value={s.totals.commitments} href="/commitments" />
      </div>
      <StatisticsView
        blocks={Object.entries(STATISTICS_SECTIONS).map(([key, [field, title]]) => ({
          key,
          title,
          table: s[field] as { columns: string[]; rows: (string | number)[][] },
          chart: CHART[key as keyof typeof CHART] ?? "bars",
        }))}
      />
    </div>
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import { StatCard } from "@/components/stat-card";
import { StatisticsView } from "@/components/statistics-view";
import { percent, perTenThousand } from "@/lib/platform/quality";
import { today } from "@/server/clock";
import { qualitySummary } from "@/server/queries/quality";
import { getStatistics, STATISTICS_SECTIONS } from "@/server/queries/statistics";

export const metadata: Metadata = {
  title: "信用统计",
  description: "江西省公共信用信息统计：双公示、红黑名单、信用修复、异议处理和信用承诺，每项可下载 CSV。",
};

const CHART = { departments: "vertical", cities: "vertical", lists: "vertical" } as const;

/** Issue 13 §4: the province's public figures, the same as the open data on the same day. */
export default async function StatisticsPage() {
  await connection();
  const [s, q] = await Promise.all([getStatistics(today()), qualitySummary(today())]);
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
      <section aria-labelledby="quality" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="quality" className="text-lg font-semibold">
          数据质量（{q.from} 以来上网的 {q.total.toLocaleString("zh-CN")} 条双公示记录）
        </h2>
        <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">7 个工作日内上网</dt>
            <dd className="text-xl font-bold tabular-nums">{percent(q.timely)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">必填项完整</dt>
            <dd className="text-xl font-bold tabular-nums">{percent(q.complete)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">数据项有效</dt>
            <dd className="text-xl font-bold tabular-nums">{percent(q.valid)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">统一社会信用代码重错码率（目标低于万分之一）</dt>
            <dd className="text-xl font-bold tabular-nums">{perTenThousand(q.uscc.rate)}</dd>
          </div>
        </dl>
      </section>
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

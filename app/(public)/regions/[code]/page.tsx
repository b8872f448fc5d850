import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { NewsList } from "@/components/news-list";
import { Section } from "@/components/section";
import { StatisticsView } from "@/components/statistics-view";
import { formatDateZh } from "@/lib/web/format";
import { firstParam } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { listLicences, listPenalties } from "@/server/queries/disclosure";
import { listEntriesOf } from "@/server/queries/lists";
import { listPublishedNews } from "@/server/queries/news";
import { getCities, getCounties } from "@/server/queries/regions";
import { getStatistics, STATISTICS_SECTIONS } from "@/server/queries/statistics";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function city(code: string) {
  return (await getCities()).find((c) => c.code === code) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await city((await params).code);
  return { title: c ? `信用${c.name.replace(/市$/, "")}` : "地区不存在" };
}

const CITY_BLOCKS = [
  "departments",
  "months",
  "lists",
  "list-flows",
  "repairs",
  "objections",
  "commitments",
] as const;

/**
 * Issue 13 §5 (2014 plan: 各地信用专栏): one 设区市's own view — its subjects' newest public records and list
 * entries (a county narrows them), and the figures of its own departments.
 */
export default async function RegionPage({ params, searchParams }: Props) {
  await connection();
  const code = (await params).code;
  const c = await city(code);
  if (!c) notFound();
  const counties = await getCounties(c.code);
  const wanted = firstParam((await searchParams).county);
  const county = counties.find((k) => k.code === wanted) ?? null;
  const region = county?.code ?? c.code;
  const day = today();
  const [pen, lic, serious, red, stats, news] = await Promise.all([
    listPenalties({ today: day, region, page: 1, pageSize: 8 }),
    listLicences({ today: day, region, page: 1, pageSize: 8 }),
    listEntriesOf({ kind: "serious_dishonesty", today: day, region, page: 1, pageSize: 8 }),
    listEntriesOf({ kind: "red", today: day, region, page: 1, pageSize: 8 }),
    getStatistics(day, c.code),
    listPublishedNews({ regionCode: c.code, pageSize: 6 }),
  ]);
  const where = county ? `${c.name}${county.name}` : c.name;
  return (
    <div className="space-y-5">
      <nav aria-label="当前位置" className="text-sm text-slate-600">
        <Link href="/" className="underline">
          首页
        </Link>{" "}
        › 地方信用 › {c.name}
      </nav>
      <h1 className="text-2xl font-bold">
        信用{c.name.replace(/市$/, "")} · {c.name}信用信息专栏
      </h1>
      <nav aria-label="按区县筛选" className="flex flex-wrap gap-2 text-sm">
        <Link
          href={`/regions/${c.code}`}
          aria-current={county ? undefined : "page"}
          className={`rounded border px-2 py-1 ${county ? "border-slate-300" : "border-brand-700 bg-brand-50 font-medium"}`}
        >
          全市
        </Link>
        {counties.map((k) => (
          <Link
            key={k.code}
            href={`/regions/${c.code}?county=${k.code}`}
            aria-current={county?.code === k.code ? "page" : undefined}
            className={`rounded border px-2 py-1 ${county?.code === k.code ? "border-brand-700 bg-brand-50 font-medium" : "border-slate-300"}`}
          >
            {k.name}
          </Link>
        ))}
      </nav>
      <Section
        id="news"
        title={`${c.name}信用动态`}
        count={news.rows.length}
        empty={`暂无${c.name}发布的信用动态。`}
      >
        <NewsList items={news.rows} empty="" />
      </Section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section
          id="penalties"
          title={`${where}最新行政处罚（公示中 ${pen.total.toLocaleString("en-US")} 条）`}
          count={pen.rows.length}
          empty="暂无公示中的行政处罚。"
        >
          <ul className="divide-y divide-slate-100 text-sm">
            {pen.rows.map((p) => (
              <li key={p.id} className="px-4 py-2">
                <Link href={`/penalties/${p.id}`} className="text-brand-700 underline">
                  {p.counterpartName}
                </Link>
                <span className="ml-2 text-slate-600">
                  {p.violationType} · {formatDateZh(p.decisionDate)}
                </span>
              </li>
            ))}
          </ul>
          <p className="px-4 pb-3 text-sm">
            <Link href={`/penalties?region=${region}`} className="text-brand-700 underline">
              查看全部
            </Link>
          </p>
        </Section>
        <Section id="licences" title={`${where}最新行政许可`} count={lic.rows.length} empty="暂无行政许可。">
          <ul className="divide-y divide-slate-100 text-sm">
            {lic.rows.map((l) => (
              <li key={l.id} className="px-4 py-2">
                <Link href={`/licences/${l.id}`} className="text-brand-700 underline">
                  {l.counterpartName}
                </Link>
                <span className="ml-2 text-slate-600">
                  {l.decisionTitle} · {formatDateZh(l.decisionDate)}
                </span>
              </li>
            ))}
          </ul>
          <p className="px-4 pb-3 text-sm">
            <Link href={`/licences?region=${region}`} className="text-brand-700 underline">
              查看全部
            </Link>
          </p>
        </Section>
        {(
          [
            ["serious", "严重失信主体名单", serious, "serious-dishonesty"],
            ["red", "守信激励对象名单（红名单）", red, "red"],
          ] as const
        ).map(([id, label, list, segment]) => (
          <Section
            key={id}
            id={id}
            title={`${where}${label}`}
            count={list.rows.length}
            empty="暂无公示中的名单信息。"
          >
            <ul className="divide-y divide-slate-100 text-sm">
              {list.rows.map((e) => (
                <li key={e.id} className="px-4 py-2">
                  <Link href={`/lists/${segment}/${e.id}`} className="text-brand-700 underline">
                    {e.subject.name}
                  </Link>
                  <span className="ml-2 text-slate-600">{e.listName}</span>
                </li>
              ))}
            </ul>
            <p className="px-4 pb-3 text-sm">
              <Link href={`/lists/${segment}?region=${region}`} className="text-brand-700 underline">
                查看全部
              </Link>
            </p>
          </Section>
        ))}
      </div>
      <h2 className="text-xl font-semibold">{c.name}信用统计</h2>
      <p className="text-sm text-slate-600">
        关于在{c.name}登记的主体的信息，按作出部门统计（含省直部门），截至 {stats.asOf}。
      </p>
      <StatisticsView
        csvQuery={`?region=${c.code}`}
        blocks={CITY_BLOCKS.map((key) => {
          const [field, title] = STATISTICS_SECTIONS[key];
          return {
            key,
            title,
            table: stats[field] as { columns: string[]; rows: (string | number)[][] },
            chart: key === "departments" || key === "lists" ? ("vertical" as const) : ("bars" as const),
          };
        })}
      />
    </div>
  );
}

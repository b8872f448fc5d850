import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CountsBarChart } from "@/components/charts/bar-chart";
import { StatCard } from "@/components/stat-card";
import { hasAnyRole, RECORD_READERS } from "@/lib/access/roles";
import { consoleHome, mayOpen } from "@/lib/web/navigation";
import { requireUser } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getDashboard } from "@/server/queries/dashboard";

export const metadata: Metadata = { title: "工作台" };

const SCOPE_LABEL = { department: "本部门", region: "本辖区", none: "" } as const;

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ changed?: string }>;
}) {
  const user = await requireUser();
  // sysadmins and auditors have no business data (三员分立): their own first page instead
  if (!hasAnyRole(user, RECORD_READERS)) redirect(consoleHome(user.roles));
  const d = await getDashboard({ actor: user, today: today() });
  const { changed } = await searchParams;
  return (
    <div className="space-y-6">
      {changed && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          密码已修改。
        </p>
      )}
      <h1 className="text-2xl font-bold">
        工作台 <span className="text-base font-normal text-slate-600">{SCOPE_LABEL[d.scope]}</span>
      </h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="有效行政处罚" value={d.totals.penalties} href="/admin/records?type=penalty" />
        <StatCard label="有效行政许可" value={d.totals.licences} href="/admin/records?type=licence" />
        <StatCard label="其他行政行为" value={d.totals.acts} href="/admin/records?type=act" />
        <StatCard
          label="已撤销记录"
          value={d.totals.withdrawn}
          href="/admin/records?type=penalty&status=withdrawn"
        />
      </div>
      <section aria-labelledby="backlog" className="rounded bg-white p-4 shadow">
        <h2 id="backlog" className="mb-2 font-bold">
          待办
        </h2>
        <ul className="grid gap-2 text-sm sm:grid-cols-3">
          {d.backlog.map((k) => (
            <Backlog
              key={k.kind}
              href={mayOpen(user.roles, `/admin/cases/${k.kind}`) ? `/admin/cases/${k.kind}` : undefined}
              label={k.label}
              n={k.open}
              overdue={k.overdue}
            />
          ))}
          <Backlog
            href={mayOpen(user.roles, "/admin/name-reviews") ? "/admin/name-reviews" : undefined}
            label="主体名称待核对"
            n={d.nameReviews}
            overdue={0}
          />
        </ul>
      </section>
      <section aria-labelledby="by-month" className="rounded bg-white p-4 shadow">
        <h2 id="by-month" className="mb-2 font-bold">
          近 12 个月按决定月份
        </h2>
        <CountsBarChart data={d.byMonth} xKey="month" title="近 12 个月行政处罚与行政许可数量" />
      </section>
      {d.scope === "region" && (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="by-dept" className="rounded bg-white p-4 shadow">
            <h2 id="by-dept" className="mb-2 font-bold">
              按数据来源单位（近 12 个月）
            </h2>
            <CountsBarChart data={d.byDepartment} xKey="name" layout="vertical" title="按部门统计" />
          </section>
          <section aria-labelledby="by-region" className="rounded bg-white p-4 shadow">
            <h2 id="by-region" className="mb-2 font-bold">
              按设区市（近 12 个月）
            </h2>
            <CountsBarChart data={d.byRegion} xKey="name" layout="vertical" title="按设区市统计" />
            {d.provincial && (
              <p className="mt-2 text-sm text-slate-600" data-testid="provincial-counts">
                另有省直部门：行政处罚 <span className="tabular-nums">{d.provincial.penalties}</span>{" "}
                件，行政许可 <span className="tabular-nums">{d.provincial.licences}</span>{" "}
                件（不计入上图各设区市）。
              </p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function Backlog({ href, label, n, overdue }: { href?: string; label: string; n: number; overdue: number }) {
  const text = (
    <>
      {label} <strong className="tabular-nums">{n}</strong> 件
    </>
  );
  return (
    <li>
      {href ? (
        <Link href={href} className="text-brand-700 hover:underline">
          {text}
        </Link>
      ) : (
        text
      )}
      {overdue > 0 && <span className="ml-1 font-bold text-red-700">（超期 {overdue} 件）</span>}
    </li>
  );
}

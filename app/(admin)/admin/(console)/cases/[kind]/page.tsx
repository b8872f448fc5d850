import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DueBadge } from "@/components/case-view";
import { DataTable, SubjectCell } from "@/components/data-table";
import { DateField, FilterForm, SelectField } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { isIsoDate } from "@/lib/calendar/dates";
import { isJiangxiDivision } from "@/lib/subjects/regions";
import { firstParam, intParam, pageParam, queryString } from "@/lib/web/query-string";
import { CASE_KIND } from "@/lib/workflows/kinds";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { CASE_KINDS, listCaseQueue } from "@/server/queries/cases";
import { getDepartments } from "@/server/queries/departments";
import { getCities } from "@/server/queries/regions";

export const metadata: Metadata = { title: "办件队列" };

type SP = Record<string, string | string[] | undefined>;

export default async function CaseQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string }>;
  searchParams: Promise<SP>;
}) {
  const user = await requireRole("reviewer", "supervisor");
  const { kind: segment } = await params;
  const kind = CASE_KINDS.find((k) => k === segment);
  if (!kind) notFound();
  const sp = await searchParams;
  const q = { title: CASE_KIND[kind].title, labels: CASE_KIND[kind].machine.labels };
  const state = Object.keys(q.labels).find((s) => s === firstParam(sp.state));
  const dueByRaw = firstParam(sp.dueBy);
  const dueBy = dueByRaw && isIsoDate(dueByRaw) ? dueByRaw : undefined;
  const deptId = intParam(sp.dept);
  const region = [firstParam(sp.region) ?? ""].find(isJiangxiDivision);
  const page = pageParam(sp.page);
  const day = today();
  const [{ rows, total }, departments, cities] = await Promise.all([
    listCaseQueue({ actor: user, kind, filters: { state, dueBy, deptId, region, page }, today: day }),
    getDepartments(),
    getCities(),
  ]);
  const overdueHere = rows.filter((r) => r.due?.overdue).length;
  return (
    <div className="space-y-4">
      <nav aria-label="办件类别" className="flex flex-wrap gap-2 text-sm">
        {CASE_KINDS.map((k) => (
          <Link
            key={k}
            href={`/admin/cases/${k}`}
            aria-current={k === kind ? "page" : undefined}
            className={`rounded border px-3 py-1.5 ${k === kind ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
          >
            {CASE_KIND[k].title}
          </Link>
        ))}
      </nav>
      <h1 className="text-2xl font-bold">{q.title}办件</h1>
      <FilterForm
        action={`/admin/cases/${kind}`}
        columns="lg:grid-cols-[1fr_1fr_1fr_1fr_auto]"
        errors={[dueByRaw && !dueBy ? "到期日期格式应为 YYYY-MM-DD。" : ""]}
      >
        <SelectField
          label="状态"
          name="state"
          value={state}
          options={Object.entries(q.labels).map(([value, label]) => ({ value, label }))}
        />
        <DateField label="到期日不晚于" name="dueBy" value={dueBy} />
        <SelectField
          label="办理部门"
          name="dept"
          value={deptId}
          options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
        />
        <SelectField
          label="主体所在地区"
          name="region"
          value={region}
          options={cities.map((c) => ({ value: c.code, label: c.name }))}
        />
      </FilterForm>
      <p className="text-sm text-slate-600">
        共 {total} 件
        {overdueHere > 0 && <span className="ml-2 font-bold text-red-700">本页超期 {overdueHere} 件</span>}
      </p>
      <DataTable
        headers={[
          "案号 / 事项",
          CASE_KIND[kind].filer.by === "public" ? "信用主体" : "申请主体",
          "办理部门",
          "状态",
          "提交日期",
          "时限",
        ]}
        empty={rows.length === 0 && "没有符合条件的办件。"}
      >
        {rows.map((r) => (
          <tr key={r.id} className={`border-t border-slate-100 ${r.due?.overdue ? "bg-red-50" : ""}`}>
            <td className="px-3 py-2">
              <Link href={`/admin/cases/${kind}/${r.id}`} className="text-brand-700 underline">
                {r.title}
              </Link>
            </td>
            <SubjectCell name={r.subjectName} uscc={r.uscc} />
            <td className="px-3 py-2">{r.dept}</td>
            <td className="px-3 py-2">{q.labels[r.state] ?? r.state}</td>
            <td className="px-3 py-2 tabular-nums">{r.submittedOn}</td>
            <td className="px-3 py-2">{r.due ? <DueBadge due={r.due} /> : "—"}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 20)}
        href={(p) => `/admin/cases/${kind}${queryString({ state, dueBy, dept: deptId, region, page: p })}`}
      />
    </div>
  );
}

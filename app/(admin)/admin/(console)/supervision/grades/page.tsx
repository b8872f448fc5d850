import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { FilterForm, SelectField, TextField } from "@/components/filter-form";
import { GradeBadge } from "@/components/grade-badge";
import { Pagination } from "@/components/pagination";
import { inRegionScope, supervisionScope } from "@/lib/access/scope";
import { INDUSTRIES, industryLabel } from "@/lib/subjects/industries";
import { GRADE_CONSEQUENCES } from "@/lib/supervision/consequences";
import { firstParam, pageParam, queryString } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { getDepartments } from "@/server/queries/departments";
import { getCities } from "@/server/queries/regions";
import { getGradeList } from "@/server/queries/supervision";
import { gradeListParams } from "./filters";

export const metadata: Metadata = { title: "分级分类监管名单" };

export default async function GradeListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireRole("supervisor");
  const sp = await searchParams;
  const f = gradeListParams.parse(Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, firstParam(v)])));
  const page = pageParam(sp.page);
  const [{ rows, total }, cities, depts] = await Promise.all([
    getGradeList({ actor: user, filter: f, page }),
    getCities(),
    getDepartments(),
  ]);
  const scope = supervisionScope(user);
  const qs = { ...f, deptId: f.deptId ? String(f.deptId) : undefined };
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">分级分类监管名单</h1>
        <a
          href={`/admin/supervision/grades/export${queryString(qs)}`}
          className="rounded border border-brand-700 px-3 py-1.5 text-sm text-brand-800 hover:bg-brand-50"
        >
          导出 CSV
        </a>
      </div>
      <FilterForm
        action="/admin/supervision/grades"
        columns="lg:grid-cols-[1fr_1fr_1fr_1fr_1.5fr_auto]"
        errors={[]}
      >
        <SelectField
          label="信用等级"
          name="grade"
          value={f.grade}
          options={(["A", "B", "C", "D"] as const).map((g) => ({ value: g, label: `${g} 级` }))}
        />
        <SelectField
          label="设区市"
          name="regionCode"
          value={f.regionCode}
          options={cities
            .filter((c) => scope && inRegionScope(scope, c.code))
            .map((c) => ({ value: c.code, label: c.name }))}
        />
        <SelectField
          label="部门"
          name="deptId"
          value={f.deptId ? String(f.deptId) : undefined}
          options={depts.map((d) => ({ value: String(d.id), label: d.name }))}
        />
        <SelectField
          label="行业"
          name="industry"
          value={f.industry}
          options={Object.keys(INDUSTRIES).map((k) => ({ value: k, label: industryLabel(k) }))}
        />
        <TextField label="名称或统一社会信用代码" name="q" value={f.q} />
      </FilterForm>
      <p className="text-sm text-slate-600">
        共 {total.toLocaleString("en-US")}{" "}
        个主体；差的在前。「部门」指该部门有其行政许可或行政处罚记录的主体。
      </p>
      <DataTable
        headers={["主体", "统一社会信用代码", "地区", "行业", "等级", "得分", "监管措施"]}
        empty={rows.length === 0 && "没有符合条件的主体。"}
      >
        {rows.map((r) => (
          <tr key={r.uscc ?? r.name} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              {r.uscc ? (
                <Link href={`/admin/supervision/subjects/${r.uscc}`} className="text-brand-700 underline">
                  {r.name}
                </Link>
              ) : (
                r.name
              )}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{r.uscc}</td>
            <td className="px-3 py-2">{r.regionName}</td>
            <td className="px-3 py-2">{industryLabel(r.industry)}</td>
            <td className="whitespace-nowrap px-3 py-2">
              <GradeBadge grade={r.grade} />
            </td>
            <td className="px-3 py-2 tabular-nums">{r.score}</td>
            <td className="px-3 py-2 text-sm">{GRADE_CONSEQUENCES[r.grade]}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 50)}
        href={(p) => `/admin/supervision/grades${queryString({ ...qs, page: p })}`}
      />
    </>
  );
}

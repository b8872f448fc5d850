import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { SmallActionForm } from "@/components/form";
import { requireRole } from "@/server/auth/guard";
import { listAllDepartments } from "@/server/queries/departments-admin";
import { getListCompetences } from "@/server/queries/list-decisions";
import { scopeOptions } from "@/server/queries/scope-options";
import { setDepartmentActiveAction, setListCompetenceAction } from "./actions";
import { CompetenceForm } from "./competence-form";
import { DepartmentForm } from "./department-form";

export const metadata: Metadata = { title: "部门管理" };

export default async function DepartmentsPage() {
  await requireRole("sysadmin");
  const [rows, options, competences] = await Promise.all([
    listAllDepartments(),
    scopeOptions(),
    getListCompetences(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">部门管理</h1>
      <DataTable headers={["部门", "简称", "统一社会信用代码", "区域", "状态", "操作"]} empty={false}>
        {rows.map((d) => (
          <tr key={d.id} className="border-t border-slate-100">
            <td className="px-3 py-2">{d.name}</td>
            <td className="px-3 py-2">{d.shortName}</td>
            <td className="px-3 py-2 font-mono">{d.uscc}</td>
            <td className="px-3 py-2">{d.regionName ?? d.regionCode}</td>
            <td className="px-3 py-2">{d.active ? "启用中" : "已停用"}</td>
            <td className="px-3 py-2">
              <SmallActionForm
                action={setDepartmentActiveAction}
                fields={{ id: d.id, active: String(!d.active) }}
                label={d.active ? "停用" : "启用"}
                danger={d.active}
                confirm={d.active ? `确定停用“${d.name}”吗？` : undefined}
              />
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="competence" className="space-y-2">
        <h2 id="competence" className="text-lg font-bold">
          名单认定权限
        </h2>
        <p className="text-sm text-slate-600">
          只有名单的认定单位和经授权的部门可以提出列入该名单的建议；设区市的部门只能为本市登记的主体提出。授权和撤销记入审计日志。
        </p>
        <DataTable
          headers={["名单", "认定单位", "经授权的部门"]}
          empty={competences.length === 0 && "尚无名单。"}
        >
          {competences.map((l) => (
            <tr key={l.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">{l.name}</td>
              <td className="px-3 py-2">{l.owner}</td>
              <td className="space-y-1 px-3 py-2">
                {l.competent.length === 0 && <span className="text-slate-500">无</span>}
                {l.competent.map((d) => (
                  <div key={d.deptId} className="flex flex-wrap items-center gap-2">
                    <span>{d.name}</span>
                    <SmallActionForm
                      action={setListCompetenceAction}
                      fields={{ listId: l.id, deptId: d.deptId, competent: "false" }}
                      label="撤销"
                      danger
                      confirm={`确定撤销${d.name}对“${l.name}”的授权吗？`}
                    />
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
        <CompetenceForm
          lists={competences.map((l) => ({ value: String(l.id), label: l.name }))}
          departments={rows.filter((d) => d.active).map((d) => ({ value: String(d.id), label: d.name }))}
        />
      </section>
      <section aria-labelledby="new-dept" className="space-y-2">
        <h2 id="new-dept" className="text-lg font-bold">
          新建部门
        </h2>
        <DepartmentForm regions={options.regions} />
      </section>
    </div>
  );
}

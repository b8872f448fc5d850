import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { SmallActionForm } from "@/components/form";
import { requireRole } from "@/server/auth/guard";
import { listAllDepartments } from "@/server/queries/departments-admin";
import { scopeOptions } from "@/server/queries/scope-options";
import { setDepartmentActiveAction } from "./actions";
import { DepartmentForm } from "./department-form";

export const metadata: Metadata = { title: "部门管理" };

export default async function DepartmentsPage() {
  await requireRole("sysadmin");
  const [rows, options] = await Promise.all([listAllDepartments(), scopeOptions()]);
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
      <section aria-labelledby="new-dept" className="space-y-2">
        <h2 id="new-dept" className="text-lg font-bold">
          新建部门
        </h2>
        <DepartmentForm regions={options.regions} />
      </section>
    </div>
  );
}

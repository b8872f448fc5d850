import type { Metadata } from "next";
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
      <div className="overflow-x-auto rounded bg-white shadow">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2">部门</th>
              <th className="px-3 py-2">简称</th>
              <th className="px-3 py-2">统一社会信用代码</th>
              <th className="px-3 py-2">区域</th>
              <th className="px-3 py-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{d.name}</td>
                <td className="px-3 py-2">{d.shortName}</td>
                <td className="px-3 py-2 font-mono">{d.uscc}</td>
                <td className="px-3 py-2">{d.regionCode}</td>
                <td className="px-3 py-2">
                  <SmallActionForm
                    action={setDepartmentActiveAction}
                    fields={{ id: d.id, active: String(!d.active) }}
                    label={d.active ? "停用" : "启用"}
                    danger={d.active}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-dept" className="space-y-2">
        <h2 id="new-dept" className="text-lg font-bold">
          新建部门
        </h2>
        <DepartmentForm regions={options.regions} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import { DataTable } from "@/components/data-table";
import { CLASSIFICATIONS, FREQUENCIES } from "@/lib/platform/catalogue";
import { getCatalogue } from "@/server/queries/catalogue";

export const metadata: Metadata = { title: "公共信用信息资源目录" };

const BADGE = {
  public: "bg-emerald-100 text-emerald-900",
  authorised: "bg-amber-100 text-amber-950",
  internal: "bg-slate-200 text-slate-800",
} as const;

/**
 * Issue 23 §3 (2020 plan §9): what each department supplies and who may read each item — the rule the profile
 * pages, the open data, the API and the institutions' queries obey.
 */
export default async function CataloguePage() {
  await connection();
  const items = await getCatalogue();
  const byDept = new Map<string, typeof items>();
  for (const i of items) byDept.set(i.dept, [...(byDept.get(i.dept) ?? []), i]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">公共信用信息资源目录</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        各部门报送的公共信用信息按数据项标明共享属性：<strong>公开</strong>
        ——在本网站、开放数据和公开接口向社会提供；
        <strong>授权查询</strong>
        ——仅向经书面授权的金融机构、招标代理机构等在授权用途内提供，每次查询均留痕并告知被查询主体；
        <strong>内部</strong>——仅在政府部门之间共享。
      </p>
      {[...byDept].map(([dept, rows]) => (
        <section key={dept} aria-label={dept} className="space-y-1">
          <h2 className="text-lg font-semibold">{dept}</h2>
          <DataTable headers={["数据项", "共享属性", "更新频率", "主要字段"]} empty={false}>
            {rows.map((i) => (
              <tr
                key={i.dataClass}
                className="border-t border-slate-100 align-top"
                data-item={`${i.deptId}:${i.dataClass}`}
              >
                <td className="px-3 py-2">{i.name}</td>
                <td className="px-3 py-2">
                  <span
                    className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${BADGE[i.classification]}`}
                  >
                    {CLASSIFICATIONS[i.classification]}
                  </span>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{FREQUENCIES[i.frequency]}</td>
                <td className="px-3 py-2 text-slate-600">{i.fields}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
    </div>
  );
}

import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { DATA_CLASSES, type DataClass } from "@/lib/platform/catalogue";
import { INSTITUTION_KINDS, PURPOSES, type Purpose } from "@/lib/platform/institutions";
import { formatTimeZh } from "@/lib/web/format";
import { requireBusiness } from "@/server/auth/guard";
import { queriesOfSubject } from "@/server/queries/institutions";

export const metadata: Metadata = { title: "被查询记录" };

/** Issue 23 §2: the company sees every authorised query of its credit information — who, why, what, when. */
export default async function QueriesPage() {
  const user = await requireBusiness("/business/queries");
  const rows = await queriesOfSubject(user.subjectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">被查询记录</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        金融机构、招标代理机构等经书面授权，可在授权用途内查询本企业公开信息以外的“授权查询”信息。每一次查询都记录在此。
        如认为查询不当，可向省社会信用体系建设牵头部门反映。
      </p>
      <DataTable
        headers={["查询时间", "查询机构", "查询用途", "授权文号", "涉及的授权查询信息"]}
        empty={rows.length === 0 && "尚无机构查询本企业的授权查询信息。"}
      >
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2 whitespace-nowrap">{formatTimeZh(r.at, "seconds")}</td>
            <td className="px-3 py-2">
              {r.institution}
              <span className="block text-xs text-slate-600">{INSTITUTION_KINDS[r.kind]}</span>
            </td>
            <td className="px-3 py-2">{PURPOSES[r.purpose as Purpose] ?? r.purpose}</td>
            <td className="px-3 py-2">{r.authorisationNo}</td>
            <td className="px-3 py-2">
              {r.dataClasses.length === 0
                ? "无（仅公开信息）"
                : r.dataClasses.map((c) => DATA_CLASSES[c as DataClass] ?? c).join("、")}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { SmallActionForm } from "@/components/form";
import { DATA_CLASSES, type DataClass } from "@/lib/platform/catalogue";
import { INSTITUTION_KINDS, PURPOSES, type Purpose } from "@/lib/platform/institutions";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listInstitutions } from "@/server/queries/institutions";
import { withdrawInstitutionAction } from "../actions";
import { RegisterInstitutionForm } from "./register-form";

export const metadata: Metadata = { title: "授权查询机构" };

/** Issue 23 §2: institutions that query beyond the public view, each under a written authorisation. */
export default async function InstitutionsPage() {
  await requireRole("sysadmin");
  const rows = await listInstitutions();
  const day = today();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">授权查询机构</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        银行、招标代理等机构凭书面授权，用密钥调用 <code>POST /api/v1/queries</code>
        ，在授权的用途和信息类别内查询公开信息以外的“授权查询”数据项。
        每次查询都会记录，被查询主体可在企业服务中查看。
      </p>
      <DataTable
        headers={["机构", "授权文号", "信息类别", "用途", "有效期至", "状态"]}
        empty={rows.length === 0 && "尚未登记授权查询机构。"}
      >
        {rows.map((i) => (
          <tr key={i.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              {i.name}
              <span className="block text-xs text-slate-600">{INSTITUTION_KINDS[i.kind]}</span>
            </td>
            <td className="px-3 py-2">{i.authorisationNo}</td>
            <td className="px-3 py-2">
              {i.dataClasses.map((c) => DATA_CLASSES[c as DataClass] ?? c).join("、")}
            </td>
            <td className="px-3 py-2">{i.purposes.map((p) => PURPOSES[p as Purpose] ?? p).join("、")}</td>
            <td className="px-3 py-2">{i.authorisedUntil}</td>
            <td className="px-3 py-2">
              {!i.active ? (
                "已撤销"
              ) : i.authorisedUntil < day ? (
                "已到期"
              ) : (
                <SmallActionForm
                  action={withdrawInstitutionAction}
                  fields={{ id: i.id }}
                  label="撤销授权"
                  danger
                  confirm={`确定撤销“${i.name}”的查询授权吗？其密钥将立即失效。`}
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="reg" className="rounded bg-white p-4 shadow">
        <h2 id="reg" className="mb-2 font-semibold">
          登记机构
        </h2>
        <RegisterInstitutionForm />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { SmallActionForm } from "@/components/form";
import { API_KEY_SCOPE_LABEL } from "@/lib/access/api-key-scopes";
import { formatTimeZh } from "@/lib/web/format";
import { requireRole } from "@/server/auth/guard";
import { listApiKeys } from "@/server/queries/api-keys";
import { scopeOptions } from "@/server/queries/scope-options";
import { revokeApiKeyAction } from "./actions";
import { CreateKeyForm } from "./create-key-form";

export const metadata: Metadata = { title: "接口密钥" };

const fmt = (d: Date | null) => (d ? formatTimeZh(d, "seconds") : "—");

export default async function ApiKeysPage() {
  await requireRole("sysadmin");
  const [keys, options] = await Promise.all([listApiKeys(), scopeOptions()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">接口密钥</h1>
      <p className="text-sm text-slate-600">
        各部门业务系统用密钥调用 <code>POST /api/v1/provider/penalties</code> 和 <code>/licences</code>{" "}
        报送数据（每批不超过 5,000 条），或调用 <code>POST /api/v1/checks</code>{" "}
        进行联合奖惩核查。授权查询机构的密钥在“授权机构”页签发。系统只保存密钥的摘要。
      </p>
      <CreateKeyForm departments={options.departments} />
      <DataTable
        headers={["前缀", "部门 / 机构", "用途", "可调用", "创建时间", "最近使用", "状态"]}
        empty={keys.length === 0 && "尚未创建密钥。"}
      >
        {keys.map((k) => (
          <tr key={k.id} className="border-t border-slate-100">
            <td className="px-3 py-2 font-mono">cjx_{k.prefix}_…</td>
            <td className="px-3 py-2">{k.dept ?? `${k.institution}（授权机构）`}</td>
            <td className="px-3 py-2">{k.label}</td>
            <td className="px-3 py-2">
              {k.scopes.map((s) => (API_KEY_SCOPE_LABEL as Record<string, string>)[s] ?? s).join("、")}
            </td>
            <td className="px-3 py-2">{fmt(k.createdAt)}</td>
            <td className="px-3 py-2">{fmt(k.lastUsedAt)}</td>
            <td className="px-3 py-2">
              {k.revokedAt ? (
                `已吊销（${fmt(k.revokedAt)}）`
              ) : (
                <SmallActionForm
                  action={revokeApiKeyAction}
                  fields={{ id: k.id }}
                  label="吊销"
                  danger
                  confirm={`确定吊销密钥“${k.label}”吗？使用它的系统将立即无法报送，且不能恢复。`}
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

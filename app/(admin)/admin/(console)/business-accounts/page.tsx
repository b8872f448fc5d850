import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { FilterForm, TextField } from "@/components/filter-form";
import { accountStatusLabel } from "@/lib/access/lockout";
import { checkUscc, normalizeUscc } from "@/lib/subjects/uscc";
import { formatTimeZh } from "@/lib/web/format";
import { firstParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { findSubjectAccount } from "@/server/queries/business";
import { IssueCodeForm } from "./issue-code-form";

export const metadata: Metadata = { title: "企业账号激活" };

const at = (d: Date | null) => (d ? formatTimeZh(d) : "—");

export default async function BusinessAccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole("operator", "reviewer", "supervisor");
  const raw = firstParam((await searchParams).uscc) ?? "";
  const uscc = normalizeUscc(raw);
  const check = uscc ? checkUscc(uscc) : null;
  const found = check?.valid ? await findSubjectAccount({ uscc, actor: user }) : null;
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">企业账号激活</h1>
      <p className="text-sm text-slate-600">
        企业在“企业服务”注册后，须由所在地区的监管部门核实经办人身份和授权，签发一次性激活码（有效期 7
        天，仅能使用一次）。 签发记入审计日志。
      </p>
      <FilterForm
        action="/admin/business-accounts"
        columns="lg:grid-cols-[1fr_auto]"
        submit="查询"
        errors={[check && !check.valid ? check.reason : ""]}
      >
        <TextField label="统一社会信用代码" name="uscc" value={raw} />
      </FilterForm>
      {check?.valid && !found && (
        <p className="rounded bg-white p-4 shadow">在您所在地区未找到该统一社会信用代码对应的市场主体。</p>
      )}
      {found && (
        <section className="space-y-3 rounded bg-white p-4 shadow">
          <h2 className="text-lg font-semibold">
            {found.name}{" "}
            <span className="text-sm font-normal text-slate-600">
              {found.uscc} · {found.region}
            </span>
          </h2>
          {found.account ? (
            <p className="text-sm">
              企业账号：联系人 {found.account.contact}，电话 {found.account.phone ?? "—"}，注册于{" "}
              {at(found.account.createdAt)}，状态：
              <strong>{accountStatusLabel({ status: found.account.status, locked: false })}</strong>
            </p>
          ) : (
            <p className="text-sm text-slate-600">该主体尚未注册企业账号。可先签发激活码，企业注册后使用。</p>
          )}
          {found.account?.status !== "active" && (
            <IssueCodeForm
              subjectId={found.id}
              question={`确认已核实经办人身份，为“${found.name}”签发激活码？`}
            />
          )}
          {found.codes.length > 0 && (
            <DataTable headers={["签发时间", "有效期至", "状态"]} empty={false}>
              {found.codes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: newest first, read-only
                <tr key={i} className="border-t border-slate-100">
                  <td className="px-3 py-2">{at(c.issuedAt)}</td>
                  <td className="px-3 py-2">{at(c.expiresAt)}</td>
                  <td className="px-3 py-2">
                    {c.usedAt
                      ? `已使用（${at(c.usedAt)}）`
                      : c.revokedAt
                        ? "已作废"
                        : c.expiresAt < new Date()
                          ? "已过期"
                          : "未使用"}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      )}
    </div>
  );
}

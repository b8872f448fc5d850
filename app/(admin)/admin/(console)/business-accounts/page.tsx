import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { FilterForm, TextField } from "@/components/filter-form";
import { REGISTRATION_VALID_DAYS, registrationLabel, registrationOpen } from "@/lib/access/activation-code";
import { accountStatusLabel } from "@/lib/access/lockout";
import { checkUscc, normalizeUscc } from "@/lib/subjects/uscc";
import { formatTimeZh } from "@/lib/web/format";
import { firstParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { findSubjectAccount } from "@/server/queries/business";
import { IssueCodeForm } from "./issue-code-form";
import { RejectRegistrationForm } from "./reject-form";

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
  const now = new Date();
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
            <p className="text-sm text-slate-600">
              该主体尚无企业账号。可先签发激活码，企业提交注册申请后使用。
            </p>
          )}
          <div>
            <h3 className="mb-1 font-medium">注册申请</h3>
            <p className="mb-2 text-xs text-slate-600">
              注册申请不占用该企业：任何人都可以凭公开的名称和代码提交。请核实经办人身份后签发激活码；非本企业经办人提交的申请可驳回。待激活的申请
              {REGISTRATION_VALID_DAYS} 天后自动失效。
            </p>
            <DataTable
              headers={["提交时间", "联系人", "电话", "状态", "操作"]}
              empty={found.registrations.length === 0 && "尚无注册申请。"}
            >
              {found.registrations.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">{at(r.createdAt)}</td>
                  <td className="px-3 py-2">{r.contactName}</td>
                  <td className="px-3 py-2">{r.phone}</td>
                  <td className="px-3 py-2">
                    {registrationLabel(r, now)}
                    {r.reason && <span className="block text-xs text-slate-600">{r.reason}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {registrationOpen(r, now) && <RejectRegistrationForm id={r.id} />}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
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

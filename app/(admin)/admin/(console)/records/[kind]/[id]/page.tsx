import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SmallActionForm } from "@/components/form";
import { RECORD_READERS } from "@/lib/access/roles";
import { canEditRecord } from "@/lib/access/scope";
import {
  displayValue,
  formDefaults,
  RECORD_FIELDS,
  RECORD_KIND_LABEL,
  RECORD_STATUS_LABEL,
} from "@/lib/records/record-fields";
import { intParam } from "@/lib/web/query-string";
import { auditDenied, requireRole } from "@/server/auth/guard";
import { getAdminRecord } from "@/server/queries/admin-records";
import { getPolicy } from "@/server/settings";
import { setRepairabilityAction } from "../../actions";
import { parseKind, SAVE_ACTION } from "../../kinds";
import { RecordForm } from "../../record-form";
import { WithdrawForm } from "./withdraw-form";

export const metadata: Metadata = { title: "信用记录" };

export default async function RecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string; id: string }>;
  searchParams: Promise<{ saved?: string; withdrawn?: string }>;
}) {
  const user = await requireRole(...RECORD_READERS);
  const { kind: rawKind, id: rawId } = await params;
  const kind = parseKind(rawKind);
  const id = intParam(rawId);
  if (!kind || id === undefined) notFound();
  const found = await getAdminRecord({ kind, id, actor: user });
  if (!found) {
    // out of scope or absent: the same 404, and the attempt is on record
    await auditDenied(user, "记录不存在或不在管辖范围内", { type: kind, id: String(id) });
    notFound();
  }
  const r = found.record;
  const status = r.status as keyof typeof RECORD_STATUS_LABEL;
  const editable = status === "active" && canEditRecord(user, { sourceDeptId: Number(r.source_dept_id) });
  const defaults = { ...formDefaults(kind, r), uscc: found.uscc ?? "", idNumber: found.idNumber ?? "" };
  const sp = await searchParams;
  return (
    <div className="space-y-4">
      <Link href={`/admin/records?type=${kind}`} className="text-sm text-brand-700 underline">
        ← 返回列表
      </Link>
      <h1 className="text-2xl font-bold">
        {RECORD_KIND_LABEL[kind]} {String(r.decision_no)}
        <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-sm font-normal">
          {RECORD_STATUS_LABEL[status]}
        </span>
      </h1>
      {sp.saved && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          已保存。
        </p>
      )}
      {sp.withdrawn && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          已撤销：该记录不再在公开页面显示，仍保留在后台。
        </p>
      )}
      <p className="text-sm text-slate-600">
        数据来源单位：{found.department} · 主体：
        <Link href={`/subjects/${found.uscc ?? found.publicId}`} className="text-brand-700 underline">
          {found.subjectName}
        </Link>
        {kind === "penalty" &&
          ` · 公示截止 ${String(r.public_until)} · 可申请修复自 ${String(r.repairable_from)}`}
        {kind === "penalty" && !r.disclosable && " · 按规定不公开（仅警告/通报批评或小额罚款）"}
      </p>
      {status === "repaired" && (
        <p className="rounded bg-green-100 px-3 py-2 text-green-900">
          已修复（{String(r.repaired_at ?? "")}）：经信用修复，该记录已停止公示，仍保留在后台。
        </p>
      )}
      {kind === "penalty" &&
        status === "active" &&
        canEditRecord(user, { sourceDeptId: Number(r.source_dept_id) }) && (
          <div className="rounded bg-white p-4 shadow">
            <p className="mb-2 text-sm">
              信用修复：
              {r.unrepairable ? "已标记为依法不可修复，修复申请将被当场拒绝。" : "可按规定申请信用修复。"}
            </p>
            <SmallActionForm
              action={setRepairabilityAction}
              fields={{ id, unrepairable: r.unrepairable ? "false" : "true" }}
              label={r.unrepairable ? "取消“不可修复”标记" : "标记为依法不可修复"}
              danger={!r.unrepairable}
              confirm={r.unrepairable ? undefined : "确认该记录依法不可修复（如终身禁入）？"}
            />
          </div>
        )}
      {status === "withdrawn" && (
        <p className="rounded bg-slate-200 px-3 py-2">撤销原因：{String(r.withdrawn_reason ?? "")}</p>
      )}
      {editable ? (
        <>
          <RecordForm
            kind={kind}
            action={SAVE_ACTION[kind]}
            id={id}
            defaults={defaults}
            thresholdWan={(await getPolicy()).disclosureFineThresholdWan}
          />
          <WithdrawForm kind={kind} id={id} />
        </>
      ) : (
        <dl className="grid gap-x-6 gap-y-2 rounded bg-white p-4 shadow sm:grid-cols-[12rem_1fr]">
          {RECORD_FIELDS[kind].map((f) => {
            const v = defaults[f.name as keyof typeof defaults];
            return (
              <div key={f.name} className="contents">
                <dt className="text-sm text-slate-600">{f.label}</dt>
                <dd className="whitespace-pre-wrap">{displayValue(f, v)}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}

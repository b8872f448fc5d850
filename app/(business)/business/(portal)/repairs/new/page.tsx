import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, StateCheckbox, StateField, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { fillTemplate } from "@/lib/records/commitment-text";
import { REPAIR_TARGETS } from "@/lib/records/repair-eligibility";
import { firstParam, intParam, queryString } from "@/lib/web/query-string";
import { auditDenied, requireBusiness } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listCurrentTemplates } from "@/server/queries/business";
import { repairEligibility } from "@/server/queries/repair-eligibility";
import { applyRepairAction } from "../../actions";

export const metadata: Metadata = { title: "申请信用修复" };

export default async function NewRepairPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const type = REPAIR_TARGETS.find((t) => t === firstParam(sp.type));
  const id = intParam(sp.id);
  // from a profile's 可申请信用修复 link: the form is what the business comes back to after signing in
  const user = await requireBusiness(`/business/repairs/new${queryString({ type, id })}`);
  const day = today();
  const judged = type && id !== undefined ? await repairEligibility({ type, id, today: day }) : null;
  if (!judged || judged.target.subjectId !== user.subjectId) {
    if (judged)
      await auditDenied(user, "为非本企业的记录申请信用修复", { type: String(type), id: String(id) });
    notFound();
  }
  const { target, refusal } = judged;
  const template = (await listCurrentTemplates({ subjectId: user.subjectId, includeRepair: true })).find(
    (t) => t.type === "repair",
  );
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/business" className="text-sm text-brand-700 underline">
        ← 返回我的信用
      </Link>
      <h1 className="text-2xl font-bold">申请信用修复</h1>
      <div className="rounded border border-slate-200 bg-white p-4 text-sm">
        <p className="font-medium">申请修复的失信信息</p>
        <p className="mt-1">{target.label}</p>
        {target.repairableFrom && (
          <p className="mt-1 text-slate-600">可申请信用修复 自 {target.repairableFrom}</p>
        )}
      </div>
      {refusal ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          暂不能申请：{refusal.reason}
        </p>
      ) : (
        <div className="rounded border border-slate-200 bg-white p-4">
          <ActionForm
            action={applyRepairAction}
            submit="签署并提交申请"
            pendingText="正在上传并提交…"
            multipart
          >
            <input type="hidden" name="submissionKey" value={randomUUID()} />
            <input type="hidden" name="targetType" value={type} />
            <input type="hidden" name="targetId" value={id} />
            <StateTextArea
              label="纠正失信行为、履行法定义务的情况"
              name="statement"
              required
              maxLength={2000}
              hint="如：已于某日缴清罚款、已完成整改并通过复查。将写入信用修复申请书。"
            />
            <CaseFilesInput
              label="履行义务、纠正失信行为的证明材料"
              required
              hint="如罚款缴纳凭证、整改验收意见。PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。"
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <StateField
                label="联系人"
                name="contactName"
                required
                maxLength={64}
                defaultValue={user.displayName}
              />
              <StateField label="联系电话" name="phone" required maxLength={20} inputMode="tel" />
            </div>
            {template && (
              <div className="rounded border border-slate-300 bg-slate-50 p-4">
                <p className="mb-2 text-center font-bold">{template.title}</p>
                <p className="whitespace-pre-wrap text-sm leading-relaxed">
                  {fillTemplate(template.body, { decision: target.decisionNo })}
                </p>
              </div>
            )}
            <StateCheckbox name="pledge">
              本单位已阅读并签署上述信用修复承诺书，承诺所填情况和所附材料真实有效。
            </StateCheckbox>
            <StateField label="签署人（法定代表人或授权代表）" name="signerName" required maxLength={64} />
            <p className="text-xs text-slate-600">
              提交后，办理部门在 2 个工作日内决定是否受理，受理后 5
              个工作日内作出是否同意修复的决定。签署日期：{day}
            </p>
          </ActionForm>
        </div>
      )}
    </div>
  );
}

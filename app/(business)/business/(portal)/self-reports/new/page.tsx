import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ActionForm, StateCheckbox, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { SELF_REPORT_CATEGORIES, SELF_REPORT_CATEGORY_LABELS } from "@/lib/workflows/self-report";
import { requireBusiness } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getDepartments } from "@/server/queries/departments";
import { submitSelfReportAction } from "../../actions";

export const metadata: Metadata = { title: "自主申报信用信息" };

export default async function NewSelfReportPage() {
  await requireBusiness();
  const departments = await getDepartments();
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">自主申报信用信息</h1>
      <p className="text-sm text-slate-600">
        企业可申报证照资质、表彰评优、公益慈善、履约践诺等信息。经核验部门核验后，在本企业信用信息页的“主体自主申报”栏目展示，
        并注明核验单位；与行政机关的信用记录分开展示。
      </p>
      <div className="rounded border border-slate-200 bg-white p-4">
        <ActionForm action={submitSelfReportAction} submit="提交申报" pendingText="正在上传并提交…" multipart>
          <input type="hidden" name="submissionKey" value={randomUUID()} />
          <StateSelect
            label="申报类别"
            name="category"
            options={SELF_REPORT_CATEGORIES.map((c) => ({ value: c, label: SELF_REPORT_CATEGORY_LABELS[c] }))}
          />
          <StateField
            label="事项名称"
            name="title"
            required
            maxLength={200}
            hint="如：高新技术企业证书、省级文明单位、捐资助学"
          />
          <StateField label="颁发或认定单位" name="issuer" required maxLength={200} />
          <StateField label="取得日期" name="occurredOn" type="date" required max={today()} />
          <StateTextArea
            label="具体内容"
            name="description"
            required
            maxLength={2000}
            hint="证书编号、有效期、表彰文号、捐赠金额等"
          />
          <StateSelect
            label="核验部门"
            name="deptId"
            options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
          />
          <CaseFilesInput label="证明材料" required hint="PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。" />
          <StateCheckbox name="pledge">
            本单位承诺所申报的信息及所附材料真实、准确、完整，如有虚假，愿意承担相应法律责任，并同意记入信用记录。
          </StateCheckbox>
          <StateField label="承诺人（法定代表人或授权代表）" name="pledgeSigner" required maxLength={64} />
        </ActionForm>
      </div>
    </div>
  );
}

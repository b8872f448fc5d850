import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { COMMITMENT_TYPE_LABELS } from "@/lib/records/labels";
import { requireBusiness } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listCurrentTemplates } from "@/server/queries/business";
import { getDepartments } from "@/server/queries/departments";
import { CommitmentForm } from "./commitment-form";

export const metadata: Metadata = { title: "作出信用承诺" };

export default async function NewCommitmentPage() {
  const user = await requireBusiness();
  const [templates, departments] = await Promise.all([
    listCurrentTemplates({ subjectId: user.subjectId }),
    getDepartments(),
  ]);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">作出信用承诺</h1>
      <p className="text-sm text-slate-600">
        选择承诺类型和模板，填写具体事项并签署。受理部门审核通过后，承诺将在“信用承诺公示”和本企业的信用信息页公开；
        未履行承诺的，经认定为违诺，记入失信记录。
      </p>
      <div className="rounded border border-slate-200 bg-white p-4">
        <CommitmentForm
          templates={templates.map((t) => ({
            id: t.id,
            typeLabel: COMMITMENT_TYPE_LABELS[t.type],
            title: t.title,
            body: t.body,
            version: t.version,
            fields: t.fields,
          }))}
          departments={departments}
          submissionKey={randomUUID()}
          today={today()}
        />
      </div>
    </div>
  );
}

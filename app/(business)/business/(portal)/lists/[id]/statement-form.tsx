"use client";

import { ActionForm, StateCheckbox, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { submitStatementAction } from "../../actions";

export function StatementForm({ id }: { id: number }) {
  return (
    <ActionForm action={submitStatementAction} submit="提交陈述申辩" pendingText="正在提交…" multipart>
      <input type="hidden" name="id" value={id} />
      <StateTextArea
        label="陈述申辩意见"
        name="statement"
        required
        maxLength={4000}
        rows={6}
        hint="说明对拟认定的事实、依据有何不同意见，以及已经纠正的情况（至少 10 个字）"
      />
      <CaseFilesInput label="证明材料（可选）" hint="PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。" />
      <StateCheckbox name="confirm">
        我已知悉：陈述申辩只能提交一次，提交后认定机关即可在期满前作出决定。
      </StateCheckbox>
    </ActionForm>
  );
}

"use client";

import { ActionForm, StateField, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { supplementObjectionAction } from "../actions";

/** Issue 20 N9: adding to one's own open case takes its number and its secret, nothing less. */
export function SupplementForm() {
  return (
    <ActionForm
      action={supplementObjectionAction}
      submit="提交补充材料"
      pendingText="正在上传并提交…"
      multipart
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <StateField
          label="案号"
          name="caseNo"
          required
          maxLength={20}
          placeholder="YY20261202000001"
          autoComplete="off"
        />
        <StateField
          label="查询码"
          name="secret"
          required
          maxLength={20}
          placeholder="XXXX-XXXX-XXXX"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <StateTextArea label="补充理由" name="text" required maxLength={2000} hint="至少 10 个字" />
      <CaseFilesInput label="补充的证明材料（可选）" hint="PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。" />
    </ActionForm>
  );
}

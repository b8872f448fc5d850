"use client";

import { ActionForm, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { CaseKeyFields } from "@/components/case-key-fields";
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
      <CaseKeyFields />
      <StateTextArea label="补充理由" name="text" required maxLength={2000} hint="至少 10 个字" />
      <CaseFilesInput label="补充的证明材料（可选）" hint="PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。" />
    </ActionForm>
  );
}

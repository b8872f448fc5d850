"use client";

import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { CaseFilesInput } from "@/components/case-files-input";
import { recordServiceAction } from "./actions";

/** Issue 22 §3: the officer records how the paper 告知 was served, with the signed 送达回证. */
export function ServiceForm({
  caseType,
  caseId,
  today,
  methods,
}: {
  caseType: "list_entry" | "repairs" | "objections";
  caseId: number;
  today: string;
  methods: { value: string; label: string }[];
}) {
  return (
    <ActionForm action={recordServiceAction} submit="登记送达" pendingText="正在登记…" multipart noValidate>
      <input type="hidden" name="caseType" value={caseType} />
      <input type="hidden" name="caseId" value={caseId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <StateSelect label="送达方式" name="method" options={methods} />
        <StateField label="送达日期" name="servedOn" type="date" max={today} required />
      </div>
      <StateTextArea label="说明（可选）" name="note" rows={2} maxLength={500} hint="如签收人、邮件号" />
      <CaseFilesInput
        label="送达回证扫描件"
        hint="当事人签收的送达回证，PDF、JPG 或 PNG，不超过 10 MB。"
        required
      />
    </ActionForm>
  );
}

"use client";

import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { COMMITMENT_TYPE_LABELS } from "@/lib/records/labels";
import { saveTemplateAction } from "./actions";

export function TemplateForm({
  seriesId,
  type,
  title,
  body,
  fields,
}: {
  seriesId?: number;
  type?: string;
  title?: string;
  body?: string;
  fields?: { key: string; label: string }[];
}) {
  return (
    <ActionForm action={saveTemplateAction} submit={seriesId ? "保存为新版本" : "新建模板"}>
      <input type="hidden" name="seriesId" value={seriesId ?? ""} />
      <StateSelect
        label="承诺类型"
        name="type"
        defaultValue={type}
        options={Object.entries(COMMITMENT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <StateField label="模板标题" name="title" required maxLength={128} defaultValue={title} />
      <StateTextArea
        label="承诺书正文"
        name="body"
        required
        rows={6}
        maxLength={4000}
        defaultValue={body}
        hint="用 {键} 标出企业填写的内容，如 {matter}"
      />
      <StateTextArea
        label="填写项（每行一个：键=名称）"
        name="fields"
        rows={3}
        defaultValue={fields?.map((f) => `${f.key}=${f.label}`).join("\n")}
        hint="如 matter=申请事项；信用修复型模板使用 {decision}（自动填入决定书文号）"
      />
    </ActionForm>
  );
}

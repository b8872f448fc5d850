"use client";

import { useState } from "react";
import { ActionForm, StateCheckbox, StateField, StateSelect, useFormAnswer } from "@/components/action-form";
import { fillTemplate } from "@/lib/records/commitment-text";
import { submitCommitmentAction } from "../../actions";

type Template = {
  id: number;
  typeLabel: string;
  title: string;
  body: string;
  version: number;
  fields: { key: string; label: string }[];
};

export function CommitmentForm({
  templates,
  departments,
  submissionKey,
  today,
}: {
  templates: Template[];
  departments: { id: number; name: string }[];
  submissionKey: string;
  today: string;
}) {
  return (
    <ActionForm action={submitCommitmentAction} submit="签署并提交" pendingText="正在提交…">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <Body templates={templates} departments={departments} today={today} />
    </ActionForm>
  );
}

function Body({
  templates,
  departments,
  today,
}: {
  templates: Template[];
  departments: { id: number; name: string }[];
  today: string;
}) {
  const answer = useFormAnswer();
  const kept = answer && !answer.ok ? answer.values : undefined;
  const [templateId, setTemplateId] = useState(String(kept?.templateId ?? templates[0]?.id ?? ""));
  const [values, setValues] = useState<Record<string, string>>({});
  const t = templates.find((x) => String(x.id) === templateId);
  return (
    <>
      <label className="block">
        <span className="text-sm font-medium">承诺类型与模板</span>
        <select
          name="templateId"
          value={templateId}
          onChange={(e) => setTemplateId(e.target.value)}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2"
        >
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.typeLabel} — {x.title}（第 {x.version} 版）
            </option>
          ))}
        </select>
      </label>
      <StateSelect
        label="受理部门"
        name="deptId"
        options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
      />
      {t?.fields.map((f) => (
        <StateField
          key={`${t.id}-${f.key}`}
          label={f.label}
          name={`f_${f.key}`}
          required
          maxLength={500}
          onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
        />
      ))}
      {t && (
        <div className="rounded border border-slate-300 bg-slate-50 p-4">
          <p className="mb-2 text-center font-bold">{t.title}</p>
          <p className="whitespace-pre-wrap text-sm leading-relaxed" data-testid="commitment-preview">
            {fillTemplate(
              t.body,
              Object.fromEntries(t.fields.map((f) => [f.key, values[f.key] || `【${f.label}】`])),
            )}
          </p>
        </div>
      )}
      <StateCheckbox name="agree">
        本单位已阅读并自愿作出上述承诺，知悉承诺内容将向社会公开，违诺将记入信用记录。
      </StateCheckbox>
      <div className="grid gap-4 sm:grid-cols-2">
        <StateField label="签署人（法定代表人或授权代表）" name="signerName" required maxLength={64} />
        <label className="block">
          <span className="text-sm font-medium">签署日期</span>
          <input
            value={today}
            readOnly
            className="mt-1 block w-full rounded border border-slate-200 bg-slate-100 px-3 py-2"
          />
        </label>
      </div>
    </>
  );
}

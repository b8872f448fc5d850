"use client";

import { useActionState, useState } from "react";
import { FieldLabel, FieldNote, FormMessage, inputClass, SubmitButton } from "@/components/form";
import {
  type FieldDef,
  type PenaltyPreview,
  penaltyPreview,
  RECORD_FIELDS,
} from "@/lib/records/record-fields";
import type { ActionState } from "@/lib/web/action-state";
import { formFields } from "@/lib/web/form-fields";

type Kind = keyof typeof RECORD_FIELDS;

/** The 公示截止 and 可申请修复 dates, or 按规定不公开, by the same lib rules the server applies (DOMAIN §3–4). */
function PublicityPreview({ preview, thresholdWan }: { preview: PenaltyPreview; thresholdWan: number }) {
  if (preview.state === "incomplete") {
    return <p className="text-sm text-slate-600">填写处罚决定日期后，这里显示公示截止日期。</p>;
  }
  if (preview.state === "not_disclosed") {
    return (
      <p
        role="status"
        data-testid="not-disclosed"
        className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm"
      >
        <strong>按规定不公开</strong>：仅警告、通报批评，或对单位的罚款低于 {thresholdWan}{" "}
        万元的处罚只记录、不在公开页面显示。
      </p>
    );
  }
  return (
    <p role="status" className="rounded border border-brand-100 bg-brand-50 px-3 py-2 text-sm">
      公示截止 <strong data-testid="public-until">{preview.publicUntil}</strong>，可申请信用修复自{" "}
      <strong>{preview.repairableFrom}</strong>
    </p>
  );
}

function Input({
  f,
  value,
  error,
  onChange,
}: {
  f: FieldDef;
  value: string | string[] | undefined;
  error?: string;
  onChange?: (v: string) => void;
}) {
  const id = `f-${f.name}`;
  const note = <FieldNote id={`${id}-note`} error={error} hint={f.hint} />;
  const label = <FieldLabel label={f.label} required={f.required} />;
  const common = {
    id,
    name: f.name,
    "aria-invalid": Boolean(error),
    "aria-describedby": error || f.hint ? `${id}-note` : undefined,
    className: inputClass,
  };
  if (f.type === "checkboxes") {
    const checked = new Set(Array.isArray(value) ? value : value ? [value] : []);
    return (
      <fieldset className={f.wide ? "sm:col-span-2" : ""} aria-invalid={Boolean(error)}>
        <legend>{label}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {f.options?.map((o) => (
            <label key={o.value} className="inline-flex items-center gap-1 text-sm">
              <input type="checkbox" name={f.name} value={o.value} defaultChecked={checked.has(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
        {note}
      </fieldset>
    );
  }
  const v = Array.isArray(value) ? value.join("；") : (value ?? "");
  return (
    <label htmlFor={id} className={`block ${f.wide ? "sm:col-span-2" : ""}`}>
      {label}
      {f.type === "textarea" ? (
        <textarea {...common} rows={3} defaultValue={v} />
      ) : f.type === "select" ? (
        <select {...common} defaultValue={v} onChange={(e) => onChange?.(e.target.value)}>
          {!f.required && <option value="">（无）</option>}
          {f.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={f.type === "date" ? "date" : "text"}
          inputMode={f.type === "number" ? "decimal" : undefined}
          defaultValue={v}
          onChange={(e) => onChange?.(e.target.value)}
        />
      )}
      {note}
    </label>
  );
}

export function RecordForm({
  kind,
  action,
  id,
  defaults,
  thresholdWan,
}: {
  kind: Kind;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  id?: number;
  defaults: Record<string, string | string[]>;
  /** the disclosure threshold setting (万元), for the preview */
  thresholdWan: number;
}) {
  const [state, formAction] = useActionState(action, null);
  const [values, setValues] = useState<Record<string, string | string[]>>(defaults);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const shown = (state && !state.ok && state.values) || defaults;
  return (
    <form
      action={formAction}
      onChange={kind === "penalty" ? (e) => setValues(formFields(new FormData(e.currentTarget))) : undefined}
      className="space-y-4 rounded bg-white p-4 shadow"
      noValidate
    >
      <FormMessage state={state} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {/* re-mounted with what was sent, after React's reset of a submitted form */}
      <div key={JSON.stringify(shown)} className="grid gap-4 sm:grid-cols-2">
        {RECORD_FIELDS[kind].map((f) => (
          <Input
            key={f.name}
            f={f}
            value={f.name === "severity" && !shown.severity ? "general" : shown[f.name]}
            error={errors?.[f.name]}
          />
        ))}
      </div>
      {kind === "penalty" && (
        <PublicityPreview preview={penaltyPreview(values, thresholdWan)} thresholdWan={thresholdWan} />
      )}
      <SubmitButton pendingText="正在保存…">保存</SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Field, FieldNote, FormMessage, inputClass, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/action-state";
import { createApiKeyAction } from "./actions";

export function CreateKeyForm({ departments }: { departments: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState<ActionState, FormData>(createApiKeyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const key = state?.ok ? (state.data?.key as string | undefined) : undefined;
  return (
    <form
      action={formAction}
      className="grid gap-4 rounded bg-white p-4 shadow sm:grid-cols-[1fr_1fr_auto] sm:items-start"
    >
      <div className="sm:col-span-3">
        <FormMessage state={state} />
        {key && (
          <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-slate-100 p-2">
            {key}
          </code>
        )}
      </div>
      <label className="block">
        <span className="text-sm font-medium">部门</span>
        <select name="departmentId" className={inputClass} aria-invalid={Boolean(errors?.departmentId)}>
          <option value="">请选择</option>
          {departments.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
        <FieldNote id="dept-note" error={errors?.departmentId} />
      </label>
      <Field
        label="用途说明"
        name="label"
        required
        error={errors?.label}
        hint="如：市场监管业务系统每日报送"
      />
      <div className="sm:pt-6">
        <SubmitButton>创建密钥</SubmitButton>
      </div>
    </form>
  );
}

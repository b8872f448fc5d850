"use client";

import { useActionState } from "react";
import { Field, FormMessage, SelectInput, SubmitButton } from "@/components/form";
import { API_KEY_SCOPE_LABEL, DEPARTMENT_SCOPES } from "@/lib/access/api-key-scopes";
import type { ActionState } from "@/lib/web/action-state";
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
      <SelectInput label="部门" name="departmentId" options={departments} error={errors?.departmentId} />
      <Field
        label="用途说明"
        name="label"
        required
        error={errors?.label}
        hint="如：市场监管业务系统每日报送"
      />
      <fieldset className="sm:col-span-3">
        <legend className="text-sm font-medium">可调用的接口</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {DEPARTMENT_SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={s} defaultChecked={s === "provider"} />
              {API_KEY_SCOPE_LABEL[s]}
            </label>
          ))}
        </div>
        {errors?.scopes && <p className="mt-1 text-sm text-red-700">{errors.scopes}</p>}
      </fieldset>
      <div className="sm:pt-6">
        <SubmitButton>创建密钥</SubmitButton>
      </div>
    </form>
  );
}

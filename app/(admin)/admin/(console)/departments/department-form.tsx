"use client";

import { useActionState } from "react";
import { Field, FieldNote, FormMessage, inputClass, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/action-state";
import { createDepartmentAction } from "./actions";

export function DepartmentForm({ regions }: { regions: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState<ActionState, FormData>(createDepartmentAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const v = (state && !state.ok && state.values) || {};
  const val = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  return (
    <form action={formAction} className="grid gap-4 rounded bg-white p-4 shadow sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <div key={JSON.stringify(v)} className="contents">
        <Field label="部门全称" name="name" required defaultValue={val("name")} error={errors?.name} />
        <Field
          label="简称"
          name="shortName"
          required
          defaultValue={val("shortName")}
          error={errors?.shortName}
        />
        <Field
          label="部门代码"
          name="code"
          required
          defaultValue={val("code")}
          error={errors?.code}
          hint="如 jxswt，用于系统内部"
        />
        <Field
          label="统一社会信用代码"
          name="uscc"
          required
          defaultValue={val("uscc")}
          error={errors?.uscc}
        />
        <label className="block">
          <span className="text-sm font-medium">所在区域</span>
          <select
            name="regionCode"
            defaultValue={val("regionCode")}
            className={inputClass}
            aria-invalid={Boolean(errors?.regionCode)}
          >
            <option value="">请选择</option>
            {regions.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <FieldNote id="region-note" error={errors?.regionCode} />
        </label>
      </div>
      <div className="sm:col-span-2">
        <SubmitButton>新建部门</SubmitButton>
      </div>
    </form>
  );
}

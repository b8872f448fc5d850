"use client";

import { useActionState } from "react";
import { Field, FormMessage, SelectInput, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/web/action-state";
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
        <SelectInput
          label="所在区域"
          name="regionCode"
          options={regions}
          defaultValue={val("regionCode")}
          error={errors?.regionCode}
        />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton>新建部门</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { ActionForm, StateField, StateSelect } from "@/components/action-form";
import { createDepartmentAction } from "./actions";

const GRID = "grid gap-4 rounded bg-white p-4 shadow sm:grid-cols-2";

export function DepartmentForm({ regions }: { regions: { value: string; label: string }[] }) {
  return (
    <ActionForm action={createDepartmentAction} submit="新建部门" className={GRID} noValidate>
      <StateField label="部门全称" name="name" required />
      <StateField label="简称" name="shortName" required />
      <StateField label="部门代码" name="code" required hint="如 jxswt，用于系统内部" />
      <StateField label="统一社会信用代码" name="uscc" required />
      <StateSelect label="所在区域" name="regionCode" options={regions} />
    </ActionForm>
  );
}

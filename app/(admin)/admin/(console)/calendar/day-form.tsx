"use client";

import { ActionForm, StateField, StateSelect } from "@/components/action-form";
import { setCalendarDayAction } from "./actions";

export function DayForm() {
  return (
    <ActionForm
      action={setCalendarDayAction}
      submit="保存"
      className="grid gap-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-end"
    >
      <StateField label="日期" name="date" type="date" required />
      <StateSelect
        label="类型"
        name="kind"
        options={[
          { value: "holiday", label: "法定节假日（放假）" },
          { value: "workday", label: "调休上班日（周末上班）" },
        ]}
      />
      <StateField label="名称" name="name" required maxLength={64} hint="如：春节、国庆节调休" />
    </ActionForm>
  );
}

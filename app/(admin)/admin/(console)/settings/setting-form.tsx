"use client";

import { ActionForm, StateField } from "@/components/action-form";
import { updateSettingAction } from "./actions";

export function SettingForm({
  settingKey,
  version,
  inputs,
  unit,
}: {
  settingKey: string;
  version: number;
  inputs: { name: string; label: string; value: string }[];
  unit: string;
}) {
  return (
    <ActionForm action={updateSettingAction} submit="保存" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="key" value={settingKey} />
      <input type="hidden" name="version" value={version} />
      {inputs.map((i) => (
        <StateField
          key={i.name}
          label={`${i.label}（${unit}）`}
          name={i.name}
          defaultValue={i.value}
          inputMode="decimal"
          required
          className="w-44"
        />
      ))}
    </ActionForm>
  );
}

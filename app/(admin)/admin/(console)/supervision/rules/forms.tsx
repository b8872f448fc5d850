"use client";

import { ActionForm, StateField } from "@/components/action-form";
import { updateRatiosAction, updateRulesAction } from "../actions";

export function RulesForm({
  version,
  fields,
}: {
  version: number;
  fields: { name: string; label: string; value: number; min: number; max: number }[];
}) {
  return (
    <ActionForm action={updateRulesAction} submit="保存并重新评价全部主体" pendingText="正在重新评价…">
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 sm:grid-cols-3">
        {fields.map((f) => (
          <StateField
            key={f.name}
            label={f.label}
            name={f.name}
            defaultValue={String(f.value)}
            inputMode="numeric"
            hint={`${f.min} 到 ${f.max} 的整数`}
            required
          />
        ))}
      </div>
    </ActionForm>
  );
}

export function RatiosForm({
  version,
  ratios,
}: {
  version: number;
  ratios: Record<"A" | "B" | "C" | "D", string>;
}) {
  return (
    <ActionForm action={updateRatiosAction} submit="保存抽查比例" className="space-y-3">
      <input type="hidden" name="version" value={version} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(["A", "B", "C", "D"] as const).map((g) => (
          <StateField
            key={g}
            label={`${g} 级（%）`}
            name={g}
            defaultValue={ratios[g]}
            inputMode="decimal"
            required
          />
        ))}
      </div>
    </ActionForm>
  );
}

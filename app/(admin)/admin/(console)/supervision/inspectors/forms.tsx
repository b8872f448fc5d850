"use client";

import { useActionState } from "react";
import { ActionForm, StateField } from "@/components/action-form";
import { FormMessage } from "@/components/form";
import { addInspectorAction, setInspectorActiveAction } from "../actions";

export function AddInspectorForm() {
  return (
    <ActionForm action={addInspectorAction} submit="加入名录" className="flex flex-wrap items-end gap-3">
      <StateField label="姓名" name="name" required maxLength={32} className="w-40" />
      <StateField label="执法证号" name="badgeNo" required maxLength={32} className="w-56" />
    </ActionForm>
  );
}

export function ActiveToggle({ id, active, name }: { id: number; active: boolean; name: string }) {
  const [state, act] = useActionState(setInspectorActiveAction, null);
  return (
    <form action={act} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button
        type="submit"
        className="text-sm text-brand-700 underline"
        aria-label={`${active ? "停用" : "恢复"} ${name}`}
      >
        {active ? "停用" : "恢复"}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}

"use client";

import { ActionForm, StateField } from "@/components/action-form";
import { rejectRegistrationAction } from "./actions";

/** Issue 20 N7: rejecting a registration (not the company's own people, say), with the reason kept on it. */
export function RejectRegistrationForm({ id }: { id: number }) {
  return (
    <ActionForm action={rejectRegistrationAction} submit="驳回" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <StateField
        label="驳回理由"
        name="reason"
        required
        maxLength={200}
        placeholder="如：经核实非本企业经办人"
      />
    </ActionForm>
  );
}

"use client";

import { useActionState } from "react";
import { confirmFirst, FormMessage, inputClass, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/web/action-state";
import { withdrawRecordAction } from "../../actions";

export function WithdrawForm({ kind, id }: { kind: string; id: number }) {
  const [state, formAction] = useActionState<ActionState, FormData>(withdrawRecordAction, null);
  const error = state && !state.ok ? state.fieldErrors?.reason : undefined;
  return (
    <form
      action={formAction}
      onSubmit={confirmFirst("确定撤销这条记录吗？撤销后它将从公开页面撤下。")}
      className="space-y-3 rounded border border-red-200 bg-white p-4 shadow"
    >
      <h2 className="font-bold text-red-800">撤销记录</h2>
      <p className="text-sm text-slate-600">撤销不是删除：记录从公开页面撤下，保留在后台并记入审计日志。</p>
      <FormMessage state={state} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <label className="block">
        <span className="text-sm font-medium">撤销原因</span>
        <textarea name="reason" rows={2} required aria-invalid={Boolean(error)} className={inputClass} />
        {error && <span className="text-sm text-red-700">{error}</span>}
      </label>
      <SubmitButton pendingText="正在撤销…">撤销</SubmitButton>
    </form>
  );
}

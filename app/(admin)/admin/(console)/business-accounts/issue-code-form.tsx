"use client";

import { useActionState } from "react";
import { confirmFirst, FormMessage } from "@/components/form";
import type { ActionState } from "@/lib/web/action-state";
import { formatTimeZh } from "@/lib/web/format";
import { issueActivationCodeAction } from "./actions";

const zh = (iso: string) => formatTimeZh(new Date(iso), "long");

export function IssueCodeForm({ subjectId, question }: { subjectId: number; question: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(issueActivationCodeAction, null);
  const code = state?.ok ? (state.data?.code as string | undefined) : undefined;
  return (
    <form action={formAction} onSubmit={confirmFirst(question)} className="space-y-3">
      <input type="hidden" name="subjectId" value={subjectId} />
      <FormMessage state={state} />
      {code && (
        <div className="rounded border-2 border-brand-700 bg-brand-50 p-4">
          <p className="text-sm">请当面或经核实的渠道交给企业经办人：</p>
          <p className="my-2 font-mono text-3xl tracking-widest" data-testid="activation-code">
            {code}
          </p>
          <p className="text-sm text-slate-700">
            有效期至 {zh(String(state?.ok && state.data?.expiresAt))}，仅能使用一次。
          </p>
        </div>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60"
      >
        签发激活码
      </button>
    </form>
  );
}

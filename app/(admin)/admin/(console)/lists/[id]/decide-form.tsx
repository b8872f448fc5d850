"use client";

import { useActionState } from "react";
import { FormMessage, inputClass } from "@/components/form";
import type { ActionState } from "@/lib/web/action-state";
import { decideListingAction } from "../actions";

/** 认定并公布 / 不予认定 on a proposal, or 移出 on a published entry; each names what it needs. */
export function ListDecideForm({ id, state }: { id: number; state: string }) {
  const [answer, formAction, pending] = useActionState<ActionState, FormData>(decideListingAction, null);
  const err = (n: string) => (answer && !answer.ok ? answer.fieldErrors?.[n] : undefined);
  const published = state === "published";
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expected" value={state} />
      <FormMessage state={answer} />
      {published ? (
        <div>
          <label htmlFor="reason" className="text-sm font-medium">
            移出原因
          </label>
          <select id="reason" name="reason" className={inputClass} defaultValue="">
            <option value="">请选择</option>
            <option value="repaired">信用修复</option>
            <option value="revoked">撤销认定（认定有误，或红名单主体不再符合条件）</option>
          </select>
        </div>
      ) : (
        <div>
          <label htmlFor="decisionNo" className="text-sm font-medium">
            认定决定书文号（认定并公布时必填）
          </label>
          <input id="decisionNo" name="decisionNo" maxLength={128} className={inputClass} />
          {err("decisionNo") && <span className="text-sm text-red-700">{err("decisionNo")}</span>}
        </div>
      )}
      <div>
        <label htmlFor="note" className="text-sm font-medium">
          {published ? "移出说明（必填）" : "认定理由 / 不予认定的理由（不予认定时必填）"}
        </label>
        <textarea id="note" name="note" rows={3} maxLength={1000} className={inputClass} />
      </div>
      <div className="flex flex-wrap gap-2">
        {published ? (
          <button
            type="submit"
            name="event"
            value="remove"
            disabled={pending}
            className="rounded border border-red-700 px-4 py-2 font-medium text-red-800 disabled:opacity-60"
          >
            移出名单
          </button>
        ) : (
          <>
            <button
              type="submit"
              name="event"
              value="publish"
              disabled={pending}
              className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
            >
              认定并公布
            </button>
            <button
              type="submit"
              name="event"
              value="drop"
              disabled={pending}
              className="rounded border border-red-700 px-4 py-2 font-medium text-red-800 disabled:opacity-60"
            >
              不予认定
            </button>
          </>
        )}
      </div>
    </form>
  );
}

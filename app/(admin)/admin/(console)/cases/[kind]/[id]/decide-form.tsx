"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form";
import type { ActionState } from "@/lib/web/action-state";
import { decideCaseAction } from "../../actions";

export function DecideForm({
  kind,
  id,
  state,
  events,
}: {
  kind: string;
  id: number;
  state: string;
  events: { event: string; label: string; note: string | null }[];
}) {
  const [answer, formAction, pending] = useActionState<ActionState, FormData>(decideCaseAction, null);
  const noteLabels = events.map((e) => e.note).filter(Boolean);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expected" value={state} />
      <FormMessage state={answer} />
      <label className="block">
        <span className="text-sm font-medium">
          办理意见{noteLabels.length > 0 && `（${noteLabels.join("、")}必填）`}
        </span>
        <textarea
          name="note"
          rows={3}
          maxLength={1000}
          aria-invalid={Boolean(answer && !answer.ok && answer.fieldErrors?.note)}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2"
        />
        {answer && !answer.ok && answer.fieldErrors?.note && (
          <span className="text-sm text-red-700">{answer.fieldErrors.note}</span>
        )}
      </label>
      <div className="flex flex-wrap gap-2">
        {events.map((e) => (
          <button
            key={e.event}
            type="submit"
            name="event"
            value={e.event}
            disabled={pending}
            className={`rounded px-4 py-2 font-medium disabled:opacity-60 ${e.note ? "border border-red-700 text-red-800" : "bg-brand-700 text-white"}`}
          >
            {e.label}
          </button>
        ))}
      </div>
    </form>
  );
}

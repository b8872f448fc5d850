"use client";

import { useActionState } from "react";
import { FormMessage, inputClass } from "@/components/form";
import type { CorrectableField } from "@/lib/records/correction";
import type { ActionState } from "@/lib/web/action-state";
import { decideCaseAction, decideObjectionAction } from "../../actions";

export function DecideForm({
  kind,
  id,
  state,
  events,
  correctable,
}: {
  kind: string;
  id: number;
  state: string;
  events: { event: string; label: string; note: string | null }[];
  /** an objection being verified: the record's fields as 更正 would write them */
  correctable?: (CorrectableField & { value: string })[];
}) {
  const [answer, formAction, pending] = useActionState<ActionState, FormData>(
    kind === "objections" ? decideObjectionAction : decideCaseAction,
    null,
  );
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
      {correctable && correctable.length > 0 && (
        <fieldset className="space-y-2 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">
            更正后的记录内容（仅“更正记录”时写入；未改动的项目保持不变）
          </legend>
          {correctable.map((f) => (
            <div key={f.name}>
              <label htmlFor={`fix-${f.name}`} className="text-sm">
                {f.label}
              </label>
              {f.type === "textarea" ? (
                <textarea
                  id={`fix-${f.name}`}
                  name={`fix.${f.name}`}
                  defaultValue={f.value}
                  rows={3}
                  maxLength={f.max}
                  className={inputClass}
                />
              ) : (
                <input
                  id={`fix-${f.name}`}
                  name={`fix.${f.name}`}
                  type={f.type === "date" ? "date" : "text"}
                  defaultValue={f.value}
                  maxLength={f.max}
                  className={inputClass}
                />
              )}
            </div>
          ))}
        </fieldset>
      )}
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

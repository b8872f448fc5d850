"use client";

import { EventForm, StateField, StateTextArea } from "@/components/action-form";
import type { CorrectableField } from "@/lib/records/correction";
import type { EventOption } from "@/lib/workflows/machine";
import { decideCaseAction, decideObjectionAction } from "../../actions";

export function DecideForm({
  kind,
  id,
  state,
  subjectName,
  events,
  correctable,
}: {
  kind: string;
  id: number;
  state: string;
  subjectName: string;
  /** the steps the machine allows this reviewer now */
  events: EventOption<string>[];
  /** an objection being verified: the record's fields as 更正 would write them */
  correctable?: (CorrectableField & { value: string })[];
}) {
  const reasons = events.map((e) => e.reason).filter(Boolean);
  return (
    <EventForm
      action={kind === "objections" ? decideObjectionAction : decideCaseAction}
      hidden={{ kind, id, expected: state }}
      events={events}
      subjectName={subjectName}
    >
      <StateTextArea
        label={`办理意见${reasons.length > 0 ? `（${reasons.join("、")}必填）` : ""}`}
        name="note"
        rows={3}
        maxLength={1000}
      />
      {correctable && correctable.length > 0 && (
        <fieldset className="space-y-2 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">
            更正后的记录内容（仅“更正记录”时写入；未改动的项目保持不变）
          </legend>
          {correctable.map((f) =>
            f.type === "textarea" ? (
              <StateTextArea
                key={f.name}
                label={f.label}
                name={`fix.${f.name}`}
                defaultValue={f.value}
                rows={3}
                maxLength={f.max}
              />
            ) : (
              <StateField
                key={f.name}
                label={f.label}
                name={`fix.${f.name}`}
                type={f.type === "date" ? "date" : "text"}
                defaultValue={f.value}
                maxLength={f.max}
              />
            ),
          )}
        </fieldset>
      )}
    </EventForm>
  );
}

"use client";

import { EventForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import type { EventOption } from "@/lib/workflows/machine";
import { decideListingAction } from "../actions";

/** 认定并公布 / 不予认定 on a proposal, or 移出 on a published entry: the fields the allowed steps need. */
export function ListDecideForm({
  id,
  state,
  subjectName,
  events,
  removalReasons,
}: {
  id: number;
  state: string;
  subjectName: string;
  events: EventOption<string>[];
  removalReasons: { value: string; label: string }[];
}) {
  const removing = events.some((e) => e.event === "remove");
  return (
    <EventForm
      action={decideListingAction}
      hidden={{ id, expected: state }}
      events={events}
      subjectName={subjectName}
    >
      {removing && (
        <StateSelect label="移出原因" name="reason" options={removalReasons} emptyLabel="请选择" />
      )}
      {events.some((e) => e.event === "publish") && (
        <StateField label="认定决定书文号（认定并公布时必填）" name="decisionNo" maxLength={128} />
      )}
      <StateTextArea
        label={removing ? "移出说明（必填）" : "认定理由 / 不予认定的理由（不予认定时必填）"}
        name="note"
        rows={3}
        maxLength={1000}
      />
    </EventForm>
  );
}

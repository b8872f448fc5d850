"use client";

import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { recordInterviewAction } from "../../actions";

export function InterviewForm({ subjectId, today }: { subjectId: number; today: string }) {
  return (
    <ActionForm action={recordInterviewAction} submit="保存约谈记录">
      <input type="hidden" name="subjectId" value={subjectId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <StateSelect
          label="约谈类型"
          name="kind"
          options={[
            { value: "prompt", label: "提示约谈" },
            { value: "warning", label: "警示约谈" },
          ]}
        />
        <StateField label="约谈日期" name="heldOn" type="date" max={today} defaultValue={today} required />
        <StateField label="整改期限" name="rectifyBy" type="date" min={today} />
      </div>
      <StateTextArea label="约谈事由" name="matter" required maxLength={1000} rows={3} />
      <StateTextArea label="约谈结果" name="outcome" maxLength={1000} rows={2} />
    </ActionForm>
  );
}

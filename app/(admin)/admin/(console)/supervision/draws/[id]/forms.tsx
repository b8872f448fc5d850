"use client";

import { ActionForm, StateField, StateSelect } from "@/components/action-form";
import { confirmDrawAction, recordResultAction } from "../../actions";

export function ConfirmForm({ id }: { id: number }) {
  return (
    <ActionForm action={confirmDrawAction} submit="确认抽查结果并公示" pendingText="正在核对对象库…">
      <input type="hidden" name="id" value={id} />
    </ActionForm>
  );
}

export function ResultForm({
  drawId,
  subjectId,
  today,
}: {
  drawId: number;
  subjectId: number;
  today: string;
}) {
  return (
    <ActionForm action={recordResultAction} submit="保存" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="drawId" value={drawId} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <StateSelect
        label="检查结果"
        name="result"
        options={[
          { value: "qualified", label: "合格" },
          { value: "rectify", label: "责令整改" },
          { value: "case", label: "立案" },
        ]}
      />
      <StateField label="检查日期" name="on" type="date" defaultValue={today} max={today} required />
      <StateField label="说明" name="note" maxLength={500} />
    </ActionForm>
  );
}

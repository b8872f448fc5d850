"use client";

import { ActionForm, StateSelect } from "@/components/action-form";
import { setListCompetenceAction } from "./actions";

type Option = { value: string; label: string };

/** Issue 20 N4: makes a department competent to propose entries on a list it does not own. */
export function CompetenceForm({ lists, departments }: { lists: Option[]; departments: Option[] }) {
  return (
    <ActionForm
      action={setListCompetenceAction}
      submit="授权"
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <StateSelect label="名单" name="listId" options={lists} />
      <StateSelect label="部门" name="deptId" options={departments} />
      <input type="hidden" name="competent" value="true" />
    </ActionForm>
  );
}

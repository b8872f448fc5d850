"use client";

import { ActionForm, StateField, StateSelect, useFormAnswer } from "@/components/action-form";
import { previewDrawAction } from "../../actions";

type Option = { value: string; label: string };

function InspectorChoices({ people }: { people: { id: number; label: string }[] }) {
  const state = useFormAnswer();
  const error = state && !state.ok ? state.fieldErrors?.inspectorIds : undefined;
  return (
    <fieldset className="rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">
        检查人员（至少 2 名，每个被抽中的主体随机选派 2 名）
      </legend>
      <div className="grid gap-1 sm:grid-cols-3">
        {people.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="inspectorIds" value={p.id} defaultChecked />
            {p.label}
          </label>
        ))}
      </div>
      {people.length === 0 && <p className="text-sm text-slate-600">本部门名录中没有在册的检查人员。</p>}
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}

export function DrawForm({
  regions,
  allRegions,
  kinds,
  industries,
  people,
}: {
  regions: Option[];
  /** what an empty region means: the province, or the supervisor's own city */
  allRegions: string;
  kinds: Option[];
  industries: Option[];
  people: { id: number; label: string }[];
}) {
  return (
    <ActionForm action={previewDrawAction} submit="生成随机种子并预览" pendingText="正在抽取…">
      <StateField
        label="抽查事项"
        name="title"
        required
        maxLength={200}
        hint="如：2026 年第四季度食品经营主体双随机抽查"
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StateSelect label="地区" name="regionCode" emptyLabel={allRegions} options={regions} />
        <StateSelect label="主体类型" name="kind" emptyLabel="全部（不含机关）" options={kinds} />
        <StateSelect label="行业" name="industry" emptyLabel="全部行业" options={industries} />
      </div>
      <InspectorChoices people={people} />
    </ActionForm>
  );
}

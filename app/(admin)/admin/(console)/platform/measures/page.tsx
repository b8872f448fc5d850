import type { Metadata } from "next";
import { ActionForm, StateField, StateSelect, StateTextArea } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { EFFECTS, MATTER_KEYS, MATTERS, MEASURE_LIST_EFFECT } from "@/lib/platform/measures";
import { LIST_KIND_LABELS } from "@/lib/web/navigation";
import { requireRole } from "@/server/auth/guard";
import { listMeasures } from "@/server/queries/joint-checks";
import { saveMeasureAction } from "../actions";

export const metadata: Metadata = { title: "联合奖惩措施清单" };

/** 措施清单 (issue 23 §1): kept by the province's credit office; every department reads it. */
export default async function MeasuresPage() {
  const user = await requireRole("operator", "reviewer", "supervisor", "sysadmin");
  const rows = await listMeasures();
  const listOptions = Object.keys(MEASURE_LIST_EFFECT).map((k) => ({
    value: k,
    label: LIST_KIND_LABELS[k as keyof typeof LIST_KIND_LABELS],
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">联合奖惩措施清单</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        依据全国失信惩戒措施基础清单和守信激励措施清单编制。每项措施对应一类名单和一类事项；核查时按主体当前所在名单返回。
      </p>
      <DataTable
        headers={["编号", "名单", "事项", "类别", "措施内容", "依据", "状态"]}
        empty={rows.length === 0 && "措施清单为空。"}
      >
        {rows.map((m) => (
          <tr key={m.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2 font-mono">{m.code}</td>
            <td className="px-3 py-2">{LIST_KIND_LABELS[m.listKind]}</td>
            <td className="px-3 py-2">{MATTERS[m.matter]}</td>
            <td className="px-3 py-2">{EFFECTS[m.effect]}</td>
            <td className="px-3 py-2">{m.content}</td>
            <td className="px-3 py-2 text-slate-600">{m.legalBasis}</td>
            <td className="px-3 py-2">{m.active ? "有效" : "停用"}</td>
          </tr>
        ))}
      </DataTable>
      {user.roles.includes("sysadmin") && (
        <section aria-labelledby="new" className="rounded bg-white p-4 shadow">
          <h2 id="new" className="mb-2 font-semibold">
            新增或修改措施（填写已有编号即修改）
          </h2>
          <ActionForm
            action={saveMeasureAction}
            submit="保存措施"
            noValidate
            className="grid gap-3 sm:grid-cols-3"
          >
            <StateField label="措施编号" name="code" required hint="如 CJ-011" />
            <StateSelect label="名单" name="listKind" options={listOptions} emptyLabel="请选择" />
            <StateSelect
              label="适用事项"
              name="matter"
              options={MATTER_KEYS.map((k) => ({ value: k, label: MATTERS[k] }))}
              emptyLabel="请选择"
            />
            <div className="sm:col-span-3">
              <StateTextArea label="措施内容" name="content" required rows={2} />
            </div>
            <div className="sm:col-span-3">
              <StateTextArea label="法律政策依据" name="legalBasis" required rows={2} />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="active" defaultChecked /> 有效
            </label>
          </ActionForm>
        </section>
      )}
    </div>
  );
}

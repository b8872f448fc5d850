import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, StateCheckbox, StateSelect, StateTextArea } from "@/components/action-form";
import { FilterForm, SelectField } from "@/components/filter-form";
import {
  allowedClassifications,
  CLASSIFICATIONS,
  FREQUENCIES,
  FREQUENCY_KEYS,
} from "@/lib/platform/catalogue";
import { intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { getCatalogue } from "@/server/queries/catalogue";
import { scopeOptions } from "@/server/queries/scope-options";
import { classifyItemAction } from "../actions";

export const metadata: Metadata = { title: "公共信用信息资源目录" };

type Props = { searchParams: Promise<{ dept?: string }> };

/**
 * Issue 23 §3: each department's items and who may read them. The classification takes effect at once on the
 * public pages, the open data, the public API and the institutions' authorised queries.
 */
export default async function CatalogueAdminPage({ searchParams }: Props) {
  const user = await requireRole("sysadmin", "supervisor");
  const { departments } = await scopeOptions();
  const deptId = intParam((await searchParams).dept) ?? Number(departments[0]?.value ?? 0);
  const items = await getCatalogue({ deptId });
  const editor = user.roles.includes("sysadmin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">公共信用信息资源目录</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        按 2020 年方案 §9
        编制：各部门报送的每个数据项标明共享属性——公开（任何人可见）、授权查询（经授权的金融机构、招标代理机构可查）、
        内部（仅政府部门之间共享）。修改即时生效。公开目录见{" "}
        <Link className="text-brand-700 underline" href="/catalogue">
          /catalogue
        </Link>
        。
      </p>
      <FilterForm
        action="/admin/platform/catalogue"
        columns="lg:grid-cols-[2fr_auto]"
        errors={[]}
        submit="查看"
      >
        <SelectField label="部门" name="dept" value={deptId} options={departments} allLabel="请选择部门" />
      </FilterForm>
      <div className="grid gap-4 lg:grid-cols-2">
        {items.map((i) => (
          <section
            key={i.dataClass}
            aria-labelledby={`i-${i.dataClass}`}
            className="rounded bg-white p-4 shadow"
            data-item={i.dataClass}
          >
            <h2 id={`i-${i.dataClass}`} className="font-semibold">
              {i.name}
              <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-normal">
                当前：{CLASSIFICATIONS[i.classification]} · {FREQUENCIES[i.frequency]}更新
              </span>
            </h2>
            {editor ? (
              <ActionForm action={classifyItemAction} submit="保存" noValidate className="mt-2 space-y-2">
                <input type="hidden" name="deptId" value={i.deptId} />
                <input type="hidden" name="dataClass" value={i.dataClass} />
                <div className="grid gap-2 sm:grid-cols-2">
                  <StateSelect
                    label="共享属性"
                    name="classification"
                    defaultValue={i.classification}
                    options={allowedClassifications(i.dataClass).map((c) => ({
                      value: c,
                      label: CLASSIFICATIONS[c],
                    }))}
                  />
                  <StateSelect
                    label="更新频率"
                    name="frequency"
                    defaultValue={i.frequency}
                    options={FREQUENCY_KEYS.map((f) => ({ value: f, label: FREQUENCIES[f] }))}
                  />
                </div>
                <StateTextArea label="主要字段" name="fields" rows={2} defaultValue={i.fields} />
                <StateCheckbox name="confirmNarrowing">
                  我已知晓：收窄共享属性将立即从公开页面、开放数据和接口撤下已公开的记录
                </StateCheckbox>
              </ActionForm>
            ) : (
              <p className="mt-2 text-sm text-slate-600">主要字段：{i.fields}</p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

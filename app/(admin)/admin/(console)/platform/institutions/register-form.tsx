"use client";

import { ActionForm, StateField, StateSelect } from "@/components/action-form";
import { DATA_CLASS_KEYS, DATA_CLASSES } from "@/lib/platform/catalogue";
import {
  INSTITUTION_KIND_KEYS,
  INSTITUTION_KINDS,
  PURPOSE_KEYS,
  PURPOSES,
} from "@/lib/platform/institutions";
import { registerInstitutionAction } from "../actions";

/** Registers an institution under its authorisation; the key is shown once, in place of the form. */
export function RegisterInstitutionForm() {
  return (
    <ActionForm
      action={registerInstitutionAction}
      submit="登记并签发密钥"
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      done={(a) => (
        <div role="status" className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3">
          <p>{a.message}</p>
          <code data-testid="new-api-key" className="block break-all rounded bg-white p-2">
            {String(a.data?.key ?? "")}
          </code>
        </div>
      )}
    >
      <StateField label="机构名称" name="name" required />
      <StateSelect
        label="机构类别"
        name="kind"
        options={INSTITUTION_KIND_KEYS.map((k) => ({ value: k, label: INSTITUTION_KINDS[k] }))}
        emptyLabel="请选择"
      />
      <StateField label="统一社会信用代码" name="uscc" required />
      <StateField label="授权文件文号" name="authorisationNo" required hint="如：赣信用授〔2026〕3号" />
      <StateField label="授权有效期至" name="authorisedUntil" type="date" required />
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">
          授权查询的信息类别（资源目录中设为“授权查询”的数据项）
        </legend>
        {DATA_CLASS_KEYS.map((c) => (
          <label key={c} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="dataClasses" value={c} /> {DATA_CLASSES[c]}
          </label>
        ))}
      </fieldset>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">查询用途</legend>
        {PURPOSE_KEYS.map((p) => (
          <label key={p} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="purposes" value={p} /> {PURPOSES[p]}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}

import type { Metadata } from "next";
import {
  PROVINCE_SCOPE,
  templateEditProblem,
  templateScopeOf,
  templateScopesFor,
} from "@/lib/records/commitment-text";
import { COMMITMENT_TYPE_LABELS } from "@/lib/records/labels";
import { requireRole } from "@/server/auth/guard";
import { listTemplateVersions } from "@/server/queries/business";
import { getCities } from "@/server/queries/regions";
import { TemplateForm } from "./template-form";

export const metadata: Metadata = { title: "承诺书模板" };

export default async function TemplatesPage() {
  const user = await requireRole("reviewer");
  const scopes = templateScopesFor(user.regionCode);
  const [versions, cities] = await Promise.all([listTemplateVersions(), getCities()]);
  const current = versions.filter((v) => v.retiredAt === null && scopes.includes(v.scopeRegionCode));
  const scopeName = (code: string) =>
    code === PROVINCE_SCOPE ? "全省通用" : `${cities.find((c) => c.code === code)?.name ?? code}适用`;
  const ownScope = scopeName(templateScopeOf(user.regionCode));
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">承诺书模板</h1>
      <p className="text-sm text-slate-600">
        修改模板不会改动已签署的承诺：每次修改保存为新版本，已签署的承诺保留签署时的正文。全省通用的模板（含信用修复承诺书）由省级部门的审核员维护，各设区市的审核员维护本市适用的模板。
      </p>
      {current.map((t) => {
        const older = versions.filter((v) => v.seriesId === t.seriesId && v.id !== t.id);
        return (
          <details key={t.id} className="rounded bg-white p-4 shadow">
            <summary className="cursor-pointer font-semibold">
              {COMMITMENT_TYPE_LABELS[t.type]} — {t.title}
              <span className="ml-2 text-sm font-normal text-slate-600">
                第 {t.version} 版 · {scopeName(t.scopeRegionCode)}
              </span>
            </summary>
            <p className="my-3 whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm">{t.body}</p>
            {older.length > 0 && (
              <p className="mb-3 text-xs text-slate-600">
                历史版本：{older.map((o) => `第 ${o.version} 版`).join("、")}
              </p>
            )}
            {templateEditProblem(user, t) === null ? (
              <TemplateForm
                seriesId={t.seriesId ?? t.id}
                type={t.type}
                title={t.title}
                body={t.body}
                fields={t.fields}
              />
            ) : (
              <p className="text-sm text-slate-600">{templateEditProblem(user, t)}</p>
            )}
          </details>
        );
      })}
      <section className="rounded bg-white p-4 shadow">
        <h2 className="mb-3 font-semibold">新建模板（{ownScope}）</h2>
        <TemplateForm />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { formatTimeZh } from "@/lib/web/format";
import { requireRole } from "@/server/auth/guard";
import { getSettingsView } from "@/server/queries/settings-admin";
import { RefreshWhile } from "./refresh-while";
import { SettingForm } from "./setting-form";

export const metadata: Metadata = { title: "系统设置" };

export default async function SettingsPage() {
  await requireRole("sysadmin");
  const { fields, job } = await getSettingsView();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">系统设置</h1>
      <p className="text-sm text-slate-600">
        以下为本平台自行确定的规则参数（法定的公示期限等不在此列）。每次修改保存为新版本并记入审计日志，保存后即时生效；
        修改罚款公示门槛后，系统逐批重新计算所有行政处罚是否公示。
      </p>
      {job && (
        <section aria-labelledby="job" className="rounded border border-slate-200 bg-white p-4 text-sm">
          <RefreshWhile active={job.open} />
          <h2 id="job" className="mb-1 font-semibold">
            公示范围重新计算（门槛 {Number(job.thresholdWan)} 万元）：{job.stateLabel}
          </h2>
          <progress
            max={Math.max(job.total, 1)}
            value={job.state === "done" ? Math.max(job.total, 1) : job.processed}
            className="h-2 w-full"
            aria-label="重新计算进度"
          />
          <p className="mt-1 text-slate-600">
            已处理 {job.processed} / {job.total} 条；停止公示 {job.nowHidden} 条，恢复公示 {job.nowShown} 条
            {job.finishedAt && `；完成于 ${formatTimeZh(job.finishedAt)}`}
            {job.error && `；${job.error}`}
          </p>
        </section>
      )}
      {fields.map(({ field: f, version, values, isDefault, history }) => (
        <section key={f.key} aria-labelledby={`s-${f.key}`} className="space-y-2 rounded bg-white p-4 shadow">
          <h2 id={`s-${f.key}`} className="font-semibold">
            {f.label}
            <span className="ml-2 text-xs font-normal text-slate-600">
              范围 {f.range.min}–{f.range.max} {f.unit} · {isDefault ? "默认值" : `第 ${version} 版`}
            </span>
          </h2>
          <SettingForm
            settingKey={f.key}
            version={version}
            unit={f.unit}
            inputs={Object.entries(values).map(([name, value]) => ({
              name,
              value,
              label: f.parts ? (f.parts[name.split(".")[1] ?? ""] ?? name) : "值",
            }))}
          />
          {history.length > 0 && (
            <details className="text-xs text-slate-600">
              <summary className="cursor-pointer">修改记录</summary>
              <ul className="mt-1 space-y-0.5">
                {history.map((h) => (
                  <li key={h.version}>
                    第 {h.version} 版 · {formatTimeZh(h.at)} · {h.by} · {Object.values(h.values).join(" / ")}{" "}
                    {f.unit}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}

"use client";

import { ActionForm, StateField } from "@/components/action-form";
import { Fields } from "@/components/section";
import { formatTimeZh } from "@/lib/web/format";
import type { trackTipoff } from "@/server/services/cases/tipoffs";
import { trackTipoffAction } from "../actions";

type Tracking = NonNullable<Awaited<ReturnType<typeof trackTipoff>>>;

/** The case's state and answer for its number and secret together. */
export function TrackTipoffForm() {
  return (
    <ActionForm
      action={trackTipoffAction}
      submit="查询"
      done={(answer) => {
        const t = (answer.data as { tracking?: Tracking } | undefined)?.tracking;
        return t ? <Result t={t} /> : null;
      }}
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <StateField
          label="案号"
          name="caseNo"
          required
          maxLength={20}
          placeholder="JB20261205000001"
          autoComplete="off"
        />
        <StateField
          label="查询码"
          name="secret"
          required
          maxLength={20}
          placeholder="XXXX-XXXX-XXXX"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </ActionForm>
  );
}

function Result({ t }: { t: Tracking }) {
  return (
    <div className="space-y-4">
      <div role="status" className="rounded border border-slate-200 bg-white p-4">
        <p className="text-sm text-slate-600">案号 {t.caseNo}</p>
        <p className="mt-2">
          <span
            className={`rounded px-2 py-0.5 text-sm font-medium ${t.final ? "bg-slate-200 text-slate-800" : "bg-brand-100 text-brand-900"}`}
          >
            {t.stateLabel}
          </span>
        </p>
        <div className="mt-3">
          <Fields
            items={[
              ["被举报主体", t.subject],
              ["受理部门", t.dept],
              ["提交日期", t.submittedOn],
              [
                "答复时限",
                t.due
                  ? `${t.due.due} 前${t.due.overdue ? "（已超期）" : `（剩 ${t.due.workingDaysLeft} 个工作日）`}`
                  : "",
              ],
              ["办结日期", t.closedOn ?? ""],
              ["办理意见", t.outcomeReason ?? ""],
            ]}
          />
        </div>
      </div>
      <section aria-labelledby="history" className="rounded border border-slate-200 bg-white">
        <h2 id="history" className="border-b border-slate-200 px-4 py-2 font-semibold">
          办理过程
        </h2>
        <ol className="divide-y divide-slate-100 text-sm">
          {t.history.map((h) => (
            <li key={h.id} className="px-4 py-2">
              <span className="text-slate-600">{formatTimeZh(new Date(h.at), "short")}</span>{" "}
              <span className="font-medium">{h.label}</span>
              {h.note && <p className="mt-1 whitespace-pre-wrap text-slate-700">{h.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

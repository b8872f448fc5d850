"use client";

import { ActionForm } from "@/components/action-form";
import { CaseKeyFields } from "@/components/case-key-fields";
import { Fields } from "@/components/section";
import { formatTimeZh } from "@/lib/web/format";
import type { ObjectionTracking } from "@/server/queries/objections";
import { trackObjectionAction } from "../actions";

/** DOMAIN §8: the state and the answer, for the case number and secret together; the form stays for another. */
export function TrackForm() {
  return (
    <ActionForm
      action={trackObjectionAction}
      submit="查询"
      done={(answer) => {
        const t = (answer.data as { tracking?: ObjectionTracking } | undefined)?.tracking;
        return t ? <Tracking t={t} /> : null;
      }}
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
    >
      <CaseKeyFields />
    </ActionForm>
  );
}

function Tracking({ t }: { t: ObjectionTracking }) {
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
              ["异议的信息", t.record],
              ["提交日期", t.submittedOn],
              [
                "答复时限",
                t.due
                  ? `${t.due.due} 前${t.due.overdue ? "（已超期）" : `（剩 ${t.due.workingDaysLeft} 个工作日）`}`
                  : "",
              ],
              ["办结日期", t.closedOn ?? ""],
              ["更正内容", t.correction ?? ""],
              ["答复理由", t.outcomeReason ?? ""],
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
      <p className="text-sm">
        <a href="/objections/track" className="text-brand-700 underline">
          查询其他案件
        </a>
      </p>
    </div>
  );
}

"use client";

import Link from "next/link";
import { formatTimeZh } from "@/lib/web/format";
import type { DeadlineStanding } from "@/lib/workflows/deadlines";
import { Fields } from "./section";

/**
 * What a case anyone files (an objection, a report) shows its filer once it is in: the number and the secret, shown
 * once, and what happens next. A form sent twice shows the answer's message instead.
 */
export function CaseReceipt({
  data,
  message,
  what,
  next,
  track,
}: {
  data: { caseNo: string; secret?: string; answerDueOn?: string };
  message: string;
  /** 异议 / 举报 */
  what: string;
  /** what the department does by when, and what else follows */
  next: (answerDueOn: string) => React.ReactNode;
  track: { href: string; label: string };
}) {
  return (
    <div role="status" className="space-y-3 rounded border border-green-300 bg-green-50 p-4 text-green-950">
      {data.secret ? (
        <>
          <p className="font-semibold">{what}已提交。请记下以下案号和查询码，凭二者查询办理进度和结果：</p>
          <dl className="grid gap-2 sm:grid-cols-[auto_1fr]">
            <dt className="text-sm">案号</dt>
            <dd className="font-mono text-lg font-bold" data-testid="case-no">
              {data.caseNo}
            </dd>
            <dt className="text-sm">查询码</dt>
            <dd className="font-mono text-lg font-bold" data-testid="case-secret">
              {data.secret}
            </dd>
          </dl>
          <p className="text-sm">
            查询码只显示这一次，本网站不保存其原文，遗失后无法找回。{next(data.answerDueOn ?? "")}
          </p>
        </>
      ) : (
        <p>{message}</p>
      )}
      <p>
        <Link href={track.href} className="text-brand-700 underline">
          {track.label}
        </Link>
      </p>
    </div>
  );
}

/**
 * The `done` of a public filing form: its receipt once the case is in, nothing (the form stays) otherwise.
 */
export function receiptOnce(o: Omit<Parameters<typeof CaseReceipt>[0], "data" | "message">) {
  return (answer: { message: string; data?: Record<string, unknown> }) => {
    const d = answer.data as { caseNo: string; secret?: string; answerDueOn?: string } | undefined;
    return d ? <CaseReceipt {...o} data={d} message={answer.message} /> : null;
  };
}

export type PublicCaseTracking = {
  caseNo: string;
  stateLabel: string;
  final: boolean;
  due: DeadlineStanding | null;
  history: { id: number; at: Date | string; label: string; note: string | null }[];
};

/** The answer deadline as the filer reads it: the day, and the working days left or that it has passed. */
export const answerDue = (due: DeadlineStanding | null): string =>
  due ? `${due.due} 前${due.overdue ? "（已超期）" : `（剩 ${due.workingDaysLeft} 个工作日）`}` : "";

/** A public case as its filer reads it by number and secret: the state, the facts given, and each step. */
export function CaseTracking({
  t,
  fields,
  again,
}: {
  t: PublicCaseTracking;
  /** label and value (an empty value is left out); `answerDue(t.due)` words the deadline */
  fields: [string, string][];
  again: string;
}) {
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
          <Fields items={fields} />
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
        <a href={again} className="text-brand-700 underline">
          查询其他案件
        </a>
      </p>
    </div>
  );
}

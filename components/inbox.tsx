import Link from "next/link";
import { formatTimeZh } from "@/lib/web/format";

type Row = {
  id: number;
  title: string;
  createdAt: Date;
  readAt: Date | null;
  notice: string | null;
  servedOn: string | null;
};

/** 站内信 (issue 22 §2): unread first in weight, a notice still to be signed for marked. */
export function InboxList({ rows, base }: { rows: Row[]; base: string }) {
  if (rows.length === 0) return <p className="rounded bg-white p-4 text-slate-600 shadow">暂无消息。</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded bg-white shadow">
      {rows.map((m) => (
        <li key={m.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
          {m.readAt === null && (
            <span className="rounded bg-brand-700 px-1.5 text-xs text-white" title="未读">
              未读
            </span>
          )}
          <Link
            href={`${base}/${m.id}`}
            prefetch={false}
            className={`text-brand-700 underline ${m.readAt === null ? "font-bold" : ""}`}
          >
            {m.title}
          </Link>
          {m.notice && m.servedOn === null && (
            <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">待阅读送达</span>
          )}
          <span className="ml-auto text-sm text-slate-600 tabular-nums">{formatTimeZh(m.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}

type Message = Row & { body: string; href: string | null };

export function MessageView({ m, caseLabel }: { m: Message; caseLabel: string }) {
  return (
    <article className="space-y-3 rounded bg-white p-4 shadow">
      <h1 className="text-xl font-bold">{m.title}</h1>
      <p className="text-sm text-slate-600">
        {formatTimeZh(m.createdAt)}
        {m.readAt && ` · 首次阅读于 ${formatTimeZh(m.readAt)}`}
      </p>
      <p className="whitespace-pre-wrap leading-relaxed">{m.body}</p>
      {m.notice && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {m.servedOn
            ? `这是一份法律文书，已于 ${m.servedOn} 送达。`
            : "这是一份法律文书：在本平台阅读即为送达，阅读时间将被记录。"}
        </p>
      )}
      {m.href && (
        <p>
          <Link href={m.href} className="font-medium text-brand-700 underline">
            {caseLabel}
          </Link>
        </p>
      )}
    </article>
  );
}

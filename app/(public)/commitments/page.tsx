import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Pagination } from "@/components/pagination";
import { COMMITMENT_TYPE_LABELS, FULFILMENT_LABELS } from "@/lib/labels";
import { firstParam, pageParam, queryString } from "@/lib/query-string";
import { parseSearchQuery } from "@/lib/search-query";
import { COMMITMENT_TYPES, FULFILMENTS, listPublicCommitments } from "@/server/queries/commitments";

export const metadata: Metadata = { title: "信用承诺公示" };

export default async function CommitmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const sp = await searchParams;
  const type = COMMITMENT_TYPES.find((t) => t === firstParam(sp.type));
  const fulfilment = FULFILMENTS.find((t) => t === firstParam(sp.fulfilment));
  const parsed = parseSearchQuery(firstParam(sp.q));
  const q = parsed.kind === "name" ? parsed.text : undefined;
  const page = Math.min(500, pageParam(sp.page));
  const { rows, total } = await listPublicCommitments({ type, fulfilment, q, page });
  const field = "rounded border border-slate-300 bg-white px-2 py-2";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">信用承诺公示</h1>
      <p className="text-sm text-slate-600">
        经审核通过的信用承诺向社会公开，接受监督；违诺的，记入失信记录。
      </p>
      <form
        action="/commitments"
        method="get"
        className="grid gap-2 rounded border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      >
        <label className="flex flex-col text-sm">
          承诺主体名称
          <input name="q" type="search" defaultValue={q ?? ""} maxLength={50} className={field} />
        </label>
        <label className="flex flex-col text-sm">
          承诺类型
          <select name="type" defaultValue={type ?? ""} className={field}>
            <option value="">全部</option>
            {COMMITMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {COMMITMENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          履约状态
          <select name="fulfilment" defaultValue={fulfilment ?? ""} className={field}>
            <option value="">全部</option>
            {FULFILMENTS.map((t) => (
              <option key={t} value={t}>
                {FULFILMENT_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="self-end rounded bg-brand-700 px-5 py-2 text-white hover:bg-brand-800"
        >
          筛选
        </button>
        {parsed.kind === "invalid" && (
          <p role="alert" className="text-sm text-amber-900 sm:col-span-full">
            {parsed.message}
          </p>
        )}
      </form>
      <p className="text-slate-700">共 {total} 项</p>
      {rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-600">
          没有符合条件的信用承诺。
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {rows.map((c) => (
            <li key={c.id} className="space-y-1 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/subjects/${c.subject.code}`}
                  className="break-words font-medium text-brand-700 underline"
                >
                  {c.subject.name}
                </Link>
                <span className="rounded bg-slate-100 px-1.5 text-xs">{COMMITMENT_TYPE_LABELS[c.type]}</span>
                <span
                  className={`rounded px-1.5 text-xs ${c.fulfilment === "breached" ? "bg-red-100 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
                >
                  {FULFILMENT_LABELS[c.fulfilment]}
                </span>
              </div>
              <p className="text-sm">
                {c.title}：{c.content}
              </p>
              <p className="text-sm text-slate-600">
                {c.signedOn} 向{c.dept}作出{c.breachFinding ? ` · 违诺认定：${c.breachFinding}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={Math.min(500, Math.ceil(total / 20))}
        href={(p) => `/commitments${queryString({ q, type, fulfilment, page: p })}`}
      />
    </div>
  );
}

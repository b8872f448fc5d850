import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CommitmentBadges } from "@/components/commitment-badges";
import { FilterForm, SelectField, TextField } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { COMMITMENT_TYPE_LABELS, FULFILMENT_LABELS } from "@/lib/records/labels";
import { parseSearchQuery } from "@/lib/subjects/search-query";
import { firstParam, pageParam, queryString } from "@/lib/web/query-string";
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
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">信用承诺公示</h1>
      <p className="text-sm text-slate-600">
        经审核通过的信用承诺向社会公开，接受监督；违诺的，记入失信记录。
      </p>
      <FilterForm
        action="/commitments"
        columns="lg:grid-cols-[2fr_1fr_1fr_auto]"
        errors={[parsed.kind === "invalid" ? parsed.message : ""]}
      >
        <TextField label="承诺主体名称" name="q" value={q} />
        <SelectField
          label="承诺类型"
          name="type"
          value={type}
          options={COMMITMENT_TYPES.map((t) => ({ value: t, label: COMMITMENT_TYPE_LABELS[t] }))}
        />
        <SelectField
          label="履约状态"
          name="fulfilment"
          value={fulfilment}
          options={FULFILMENTS.map((t) => ({ value: t, label: FULFILMENT_LABELS[t] }))}
        />
      </FilterForm>
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
                <CommitmentBadges type={c.type} fulfilment={c.fulfilment} />
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

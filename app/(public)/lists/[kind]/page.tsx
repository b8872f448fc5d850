import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { FilterForm, SelectField, TextField } from "@/components/filter-form";
import { ListTabs } from "@/components/list-tabs";
import { Pagination } from "@/components/pagination";
import { parseDisclosureFilters } from "@/lib/records/disclosure-filters";
import { listKindFromSegment, listKindLabel } from "@/lib/records/list-kinds";
import { parseSearchQuery } from "@/lib/subjects/search-query";
import { intParam, queryString } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { getFilterOptions } from "@/server/queries/filter-options";
import { getListsOfKind, listEntriesOf } from "@/server/queries/lists";

type Props = {
  params: Promise<{ kind: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const segment = (await params).kind;
  const kind = listKindFromSegment(segment);
  if (!kind) return { title: "名单不存在" };
  // feed readers discover the list's Atom feed from this link
  return {
    title: listKindLabel(kind),
    alternates: {
      types: {
        "application/atom+xml": [
          { url: `/lists/${segment}/feed.xml`, title: `${listKindLabel(kind)}（新公布）` },
        ],
      },
    },
  };
}

export default async function ListPage({ params, searchParams }: Props) {
  await connection();
  const segment = (await params).kind;
  const kind = listKindFromSegment(segment);
  if (!kind) notFound();
  const sp = await searchParams;
  const f = parseDisclosureFilters(sp);
  const rawQ = Array.isArray(sp.q) ? sp.q[0] : sp.q;
  const parsedQ = parseSearchQuery(rawQ);
  const q = parsedQ.kind === "name" ? parsedQ.text : undefined;
  const list = intParam(sp.list);
  const [{ rows, total }, lists, options] = await Promise.all([
    listEntriesOf({ kind, today: today(), ...f, list, q }),
    getListsOfKind({ kind }),
    getFilterOptions(),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{listKindLabel(kind)}</h1>
      <ListTabs active={kind} />
      <FilterForm
        action={`/lists/${segment}`}
        columns="lg:grid-cols-[2fr_2fr_1fr_auto]"
        errors={[...f.errors, parsedQ.kind === "invalid" ? parsedQ.message : ""]}
      >
        <TextField label="主体名称" name="q" value={q} />
        <SelectField
          label="名单"
          name="list"
          value={list}
          options={lists.map((l) => ({ value: String(l.id), label: l.name }))}
        />
        <SelectField label="地区" name="region" value={f.region} options={options.cities} allLabel="全省" />
      </FilterForm>
      <p className="flex flex-wrap items-center justify-between gap-2 text-slate-700">
        <span>公布中 {total} 条。有效期届满、已移出或已信用修复的不再公示。</span>
        <a href={`/lists/${segment}/feed.xml`} className="text-sm text-brand-700 underline">
          订阅新公布（Atom）
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-600">
          没有符合条件的名单信息。
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {rows.map((e) => (
            <li key={e.id} className="space-y-1 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/lists/${segment}/${e.id}`}
                  className="break-words font-medium text-brand-700 underline"
                >
                  {e.subject.name}
                </Link>
                {e.underVerification && (
                  <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900">核实中</span>
                )}
              </div>
              <p className="flex flex-wrap gap-x-4 text-sm text-slate-600">
                <span>{e.listName}</span>
                <span>认定单位 {e.dept}</span>
                <span>认定日期 {e.decisionDate}</span>
                <span>有效期至 {e.validUntil ?? "长期"}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={f.page}
        pageCount={Math.ceil(total / 20)}
        href={(page) => `/lists/${segment}${queryString({ q, list, region: f.region, page })}`}
      />
    </div>
  );
}

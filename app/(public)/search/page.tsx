import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { GradeBadge } from "@/components/grade-badge";
import { Pagination } from "@/components/pagination";
import { QueryField } from "@/components/search-box";
import { SearchExamples } from "@/components/search-examples";
import { SubjectFlags } from "@/components/subject-flags";
import { isRegionFilter } from "@/lib/subjects/regions";
import { ID_SHAPED_INVALID, parseSearchQuery } from "@/lib/subjects/search-query";
import { SUBJECT_KIND_KEYS, SUBJECT_KINDS, type SubjectKind } from "@/lib/subjects/subject-kinds";
import { firstParam, pageParam, queryString } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { getSearchExamples } from "@/server/queries/home";
import { getCities } from "@/server/queries/regions";
import { type SearchHit, searchSubjects } from "@/server/queries/search";
import { submitSearch } from "./actions";

export const metadata: Metadata = { title: "信用查询" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const BY_LABEL = {
  uscc: "统一社会信用代码",
  id_number: "身份证号码（结果已脱敏）",
  initials: "拼音",
  name: "名称",
} as const;

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const rawQ = firstParam(sp.q) ?? "";
  // an ID number that arrived in a URL is neither searched nor echoed back into the page
  const parsed = parseSearchQuery(rawQ);
  const personal = parsed.kind === "id_number" || (parsed.kind === "invalid" && parsed.personal === true);
  const q = personal ? "" : rawQ;
  const notice = firstParam(sp.notice);
  const kindParam = firstParam(sp.kind);
  const kind =
    SUBJECT_KIND_KEYS.includes(kindParam as SubjectKind) && kindParam !== "natural_person"
      ? (kindParam as SubjectKind)
      : undefined;
  const region = isRegionFilter(firstParam(sp.region) ?? "") ? firstParam(sp.region) : undefined;
  const [result, cities, examples] = await Promise.all([
    searchSubjects({ q: rawQ, page: pageParam(sp.page), filters: { kind, region }, today: today() }),
    getCities(),
    getSearchExamples(),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">信用查询</h1>
      <search>
        {/* posted to the same action as the home page: an ID number typed here never enters a URL (DOMAIN §2) */}
        <form
          action={submitSearch}
          className="grid gap-2 rounded border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_auto_auto_auto]"
        >
          <QueryField defaultValue={q} className="py-2" />
          <label className="sr-only" htmlFor="kind">
            主体类型
          </label>
          <select
            id="kind"
            name="kind"
            defaultValue={kind ?? ""}
            className="rounded border border-slate-300 bg-white px-2 py-2"
          >
            <option value="">全部类型</option>
            {SUBJECT_KIND_KEYS.filter((k) => k !== "natural_person").map((k) => (
              <option key={k} value={k}>
                {SUBJECT_KINDS[k]}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="region">
            所在地区
          </label>
          <select
            id="region"
            name="region"
            defaultValue={region ?? ""}
            className="rounded border border-slate-300 bg-white px-2 py-2"
          >
            <option value="">全省</option>
            {cities.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded bg-seal px-5 py-2 font-medium text-white hover:bg-red-800">
            查询
          </button>
        </form>
      </search>

      {notice === "id-invalid" && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-900">
          {ID_SHAPED_INVALID}
        </p>
      )}
      {notice === "id-not-found" && (
        <p role="status" className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          没有找到与该身份证号码对应的信用记录。
        </p>
      )}
      {result.status === "empty" && notice === undefined && (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          请输入企业名称（至少 2 个字）、18
          位统一社会信用代码，或名称的拼音（全拼或首字母），多个词可用空格分开。
          {examples && <SearchExamples examples={examples} />}
          自然人仅可凭完整身份证号码查询，结果脱敏显示。
        </p>
      )}
      {result.status === "invalid" && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-900">
          {result.message}
        </p>
      )}
      {result.status === "ok" && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="mb-2 text-slate-700">
            按{BY_LABEL[result.by]}查询“<span className="font-medium text-slate-900">{q.trim()}</span>”，
            {result.total === 0
              ? "没有找到匹配的信用主体。"
              : `共 ${result.capped ? `${result.total}+` : result.total} 个结果`}
          </h2>
          {result.capped && (
            <p className="mb-2 text-sm text-slate-600">
              匹配结果较多，仅列出前 {result.total} 个，请输入更完整的名称以缩小范围。
            </p>
          )}
          {result.notice && (
            <p role="alert" className="mb-2 rounded border border-amber-300 bg-amber-50 p-4 text-amber-900">
              {result.notice}
            </p>
          )}
          {result.total === 0 && result.suggestions.length === 0 && (
            <p className="text-sm text-slate-600">
              请检查名称是否有误，或改用统一社会信用代码查询。已超过公示期的记录不在公开查询范围内。
            </p>
          )}
          <HitList hits={result.hits} />
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            href={(page) => `/search${queryString({ q, kind, region, page })}`}
          />
        </section>
      )}
      {result.status === "ok" && result.suggestions.length > 0 && (
        <section aria-labelledby="suggestions-title">
          <h2 id="suggestions-title" className="mb-2 font-medium text-slate-800">
            您是不是要找
          </h2>
          <p className="mb-2 text-sm text-slate-600">
            以下主体的名称或代码与您输入的内容相近（相差个别字或一位字符），并非完全匹配，请核对后再查看。
          </p>
          <HitList hits={result.suggestions} />
        </section>
      )}
    </div>
  );
}

function HitList({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="divide-y divide-slate-200 rounded border border-slate-200 bg-white empty:hidden">
      {hits.map((h) => (
        <li key={h.code} className="space-y-1 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={`/subjects/${h.code}`}
              className="break-all text-lg font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {h.name}
            </Link>
            <GradeBadge grade={h.grade} />
            <SubjectFlags flags={h.flags} />
          </div>
          <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            {h.uscc && (
              <div>
                <dt className="inline">统一社会信用代码：</dt>
                <dd className="inline font-mono">{h.uscc}</dd>
              </div>
            )}
            <div>
              <dt className="inline">类型：</dt>
              <dd className="inline">{h.kindLabel}</dd>
            </div>
            {h.regionName && (
              <div>
                <dt className="inline">地区：</dt>
                <dd className="inline">{h.regionName}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}

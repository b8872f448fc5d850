import type { ParsedFilters } from "@/lib/records/disclosure-filters";
import { formatCount } from "@/lib/web/format";
import { queryString } from "@/lib/web/query-string";
import { DateField, FilterForm, type Option, SelectField, TextField } from "./filter-form";
import { Pagination } from "./pagination";

/** The 双公示 filters: name, USCC or 文号; department, region and decision-date range. */
export function DisclosureFilterForm({
  action,
  filters,
  departments,
  cities,
}: {
  action: string;
  filters: ParsedFilters;
  departments: Option[];
  cities: Option[];
}) {
  return (
    <FilterForm action={action} columns="lg:grid-cols-[2fr_2fr_1fr_1fr_1fr_auto]" errors={filters.errors}>
      <TextField label="名称、统一社会信用代码或决定书文号" name="q" value={filters.q} />
      <SelectField
        label="决定机关"
        name="dept"
        value={filters.dept}
        options={departments}
        allLabel="全部部门"
      />
      <SelectField label="地区" name="region" value={filters.region} options={cities} allLabel="全省" />
      <DateField label="决定日期自" name="from" value={filters.from} />
      <DateField label="至" name="to" value={filters.to} />
    </FilterForm>
  );
}

export function DisclosureTabs({ active }: { active: "penalties" | "licences" }) {
  const tab = (key: "penalties" | "licences", label: string) => (
    <a
      href={`/${key}`}
      aria-current={active === key ? "page" : undefined}
      className={`rounded-t border-b-2 px-4 py-2 ${active === key ? "border-seal font-semibold text-seal" : "border-transparent text-slate-700"}`}
    >
      {label}
    </a>
  );
  return (
    <nav aria-label="双公示" className="flex gap-2 border-b border-slate-200">
      {tab("penalties", "行政处罚")}
      {tab("licences", "行政许可")}
    </nav>
  );
}

/**
 * A 双公示 list page's frame (行政处罚, 行政许可): title, tabs, what is public, the filters, the count, the rows the
 * page renders, and a pager that keeps every filter.
 */
export function DisclosureList({
  kind,
  intro,
  filters,
  options,
  total,
  capped,
  empty,
  children,
}: {
  kind: "penalties" | "licences";
  intro: string;
  filters: ParsedFilters;
  options: { departments: Option[]; cities: Option[] };
  total: number;
  capped: boolean;
  empty: string;
  children: React.ReactNode;
}) {
  const f = filters;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">双公示 · {kind === "penalties" ? "行政处罚" : "行政许可"}</h1>
      <DisclosureTabs active={kind} />
      <p className="text-sm text-slate-600">{intro}</p>
      <DisclosureFilterForm action={`/${kind}`} filters={f} {...options} />
      <p className="text-slate-700">共 {capped ? `${formatCount(total - 1)}+` : formatCount(total)} 条</p>
      {total === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">{children}</ul>
      )}
      <Pagination
        page={f.page}
        pageCount={Math.min(500, Math.ceil(total / 20))}
        href={(page) =>
          `/${kind}${queryString({ q: f.q, dept: f.dept, region: f.region, from: f.from, to: f.to, page })}`
        }
      />
    </div>
  );
}

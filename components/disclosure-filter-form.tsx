import type { ParsedFilters } from "@/lib/records/disclosure-filters";
import { DateField, FilterForm, type Option, SelectField, TextField } from "./filter-form";

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

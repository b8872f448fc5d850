import type { ParsedFilters } from "@/lib/disclosure-filters";

type Option = { value: string; label: string };

/** GET form: filters live in the URL, so results can be linked and bookmarked. */
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
  const field = "rounded border border-slate-300 bg-white px-2 py-2";
  return (
    <form
      action={action}
      method="get"
      className="grid gap-2 rounded border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
    >
      <label className="flex flex-col text-sm">
        决定机关
        <select name="dept" defaultValue={filters.dept ?? ""} className={field}>
          <option value="">全部部门</option>
          {departments.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        地区
        <select name="region" defaultValue={filters.region ?? ""} className={field}>
          <option value="">全省</option>
          {cities.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        决定日期自
        <input type="date" name="from" defaultValue={filters.from} className={field} />
      </label>
      <label className="flex flex-col text-sm">
        至
        <input type="date" name="to" defaultValue={filters.to} className={field} />
      </label>
      <button type="submit" className="self-end rounded bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
        筛选
      </button>
      {filters.errors.length > 0 && (
        <p role="alert" className="text-sm text-amber-900 sm:col-span-full">
          {filters.errors.join(" ")}
        </p>
      )}
    </form>
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

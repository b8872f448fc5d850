/** The URL-driven filter forms of the public lists: GET, so results can be linked and bookmarked. */
const FIELD = "rounded border border-slate-300 bg-white px-2 py-2";

export type Option = { value: string; label: string };

export function FilterForm({
  action,
  columns,
  errors,
  children,
  submit = "筛选",
}: {
  action: string;
  /** the wide-screen grid, written out whole so Tailwind sees it, e.g. "lg:grid-cols-[2fr_1fr_auto]" */
  columns: string;
  errors: string[];
  children: React.ReactNode;
  /** the button's word: 筛选 for a list, 查询 for a look-up */
  submit?: string;
}) {
  const messages = errors.filter(Boolean);
  return (
    <form
      action={action}
      method="get"
      className={`grid gap-2 rounded border border-slate-200 bg-white p-3 sm:grid-cols-2 ${columns}`}
    >
      {children}
      <button type="submit" className="self-end rounded bg-brand-700 px-5 py-2 text-white hover:bg-brand-800">
        {submit}
      </button>
      {messages.length > 0 && (
        <p role="alert" className="text-sm text-amber-900 sm:col-span-full">
          {messages.join(" ")}
        </p>
      )}
    </form>
  );
}

export function SelectField({
  label,
  name,
  value,
  options,
  allLabel = "全部",
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  options: Option[];
  allLabel?: string;
}) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className={FIELD}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TextField({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  value: string | undefined;
}) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <input name={name} type="search" defaultValue={value ?? ""} maxLength={50} className={FIELD} />
    </label>
  );
}

export function DateField({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  value: string | undefined;
}) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <input type="date" name={name} defaultValue={value} className={FIELD} />
    </label>
  );
}

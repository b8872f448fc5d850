/** A titled block of the profile and detail pages, with a count and an empty-state sentence. */
export function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  empty?: string;
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="rounded border border-slate-200 bg-white">
      <h2 id={`${id}-title`} className="border-b border-slate-200 px-4 py-2.5 text-lg font-semibold">
        {title}
        {count !== undefined && <span className="ml-2 text-sm font-normal text-slate-600">（{count}）</span>}
      </h2>
      {count === 0 && empty ? <p className="px-4 py-3 text-slate-600">{empty}</p> : children}
    </section>
  );
}

/** Label–value pairs, two columns on wide screens. */
export function Fields({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-[max-content_1fr]">
      {items
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A Section whose body is a list, one item a row: its count and its empty sentence come from the list. */
export function ListSection<T extends { id: number | string }>({
  id,
  title,
  empty,
  items,
  itemClass = "space-y-1 px-4 py-3 text-sm",
  children,
}: {
  id: string;
  title: string;
  empty?: string;
  items: readonly T[];
  itemClass?: string;
  children: (item: T) => React.ReactNode;
}) {
  return (
    <Section id={id} title={title} count={items.length} empty={empty}>
      <ul className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className={itemClass}>
            {children(item)}
          </li>
        ))}
      </ul>
    </Section>
  );
}

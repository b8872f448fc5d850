/** The console's list tables: one look for every list, and a line saying so when it is empty. */
export function DataTable({
  headers,
  empty,
  children,
}: {
  headers: React.ReactNode[];
  /** shown under the header when there are no rows; false when there are */
  empty: string | false;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded bg-white shadow">
      {/* on a phone the table scrolls sideways rather than folding every cell to one character */}
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers are a fixed list per page
              <th key={i} className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty && <p className="p-4 text-slate-600">{empty}</p>}
    </div>
  );
}

/** A subject as the console's tables name it: its name (or a link to it) with its code below. */
export function SubjectCell({ name, uscc }: { name: React.ReactNode; uscc: string | null }) {
  return (
    <td className="px-3 py-2">
      {name}
      {uscc && <span className="block font-mono text-xs text-slate-600">{uscc}</span>}
    </td>
  );
}

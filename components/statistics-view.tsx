import { TableChart } from "./charts/table-chart";
import { Section } from "./section";

type Table = { columns: string[]; rows: (string | number)[][] };
export type StatisticsBlock = {
  key: string;
  title: string;
  table: Table;
  chart?: "bars" | "vertical" | "none";
};

/** Each figure as a chart, the same figures as a table beside it, and its CSV (issue 13 §4). */
export function StatisticsView({ blocks, csvQuery = "" }: { blocks: StatisticsBlock[]; csvQuery?: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {blocks.map((b) => (
        <Section key={b.key} id={`stat-${b.key}`} title={b.title}>
          <div className="space-y-3 p-4">
            {b.chart !== "none" && (
              <TableChart
                columns={b.table.columns}
                rows={b.table.rows}
                title={b.title}
                vertical={b.chart === "vertical"}
              />
            )}
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">{b.title}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-600">
                    {b.table.columns.map((c, i) => (
                      <th
                        key={c}
                        scope="col"
                        className={`px-2 py-1 font-medium ${i > 0 ? "text-right" : ""}`}
                      >
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.table.rows.map((r) => (
                    <tr key={String(r[0])} className="border-b border-slate-100">
                      {r.map((v, i) =>
                        i === 0 ? (
                          <th
                            key={b.table.columns[i]}
                            scope="row"
                            className="px-2 py-1 text-left font-normal"
                          >
                            {v}
                          </th>
                        ) : (
                          <td key={b.table.columns[i]} className="px-2 py-1 text-right tabular-nums">
                            {typeof v === "number" ? v.toLocaleString("en-US") : v}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <a href={`/statistics/${b.key}.csv${csvQuery}`} className="text-sm text-brand-700 underline">
              下载 CSV
            </a>
          </div>
        </Section>
      ))}
    </div>
  );
}

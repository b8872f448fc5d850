"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Penalties and licences side by side; recharts draws SVG, so no canvas and no web font is needed. */
export function CountsBarChart({
  data,
  xKey,
  title,
  layout = "horizontal",
}: {
  data: { [k: string]: string | number }[];
  xKey: string;
  title: string;
  layout?: "horizontal" | "vertical";
}) {
  const vertical = layout === "vertical";
  return (
    // every department gets its own labelled row
    <figure
      aria-label={title}
      className="w-full"
      style={{ height: vertical ? Math.max(288, data.length * 40 + 80) : 288 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout={layout}
          margin={{ left: vertical ? 24 : 0, right: 8, top: 8, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} fontSize={12} />
              <YAxis type="category" dataKey={xKey} width={96} fontSize={12} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey={xKey} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
            </>
          )}
          <Tooltip />
          <Legend />
          <Bar dataKey="penalties" name="行政处罚" fill="#b91c1c" />
          <Bar dataKey="licences" name="行政许可" fill="#174a96" />
        </BarChart>
      </ResponsiveContainer>
      {/* the same figures as text, for screen readers (the SVG carries no data of its own) */}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">行政处罚</th>
            <th scope="col">行政许可</th>
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={String(row[xKey])}>
              <th scope="row">{row[xKey]}</th>
              <td>{row.penalties}</td>
              <td>{row.licences}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

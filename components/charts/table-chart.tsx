"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#b91c1c", "#174a96", "#047857", "#b45309", "#7c3aed"];

/**
 * A table's numeric columns as bars (issue 13 §4): the first column names each bar group. The figures are in the
 * table beside it on the page, so the SVG is hidden from screen readers and takes no keyboard focus (axe
 * aria-hidden-focus).
 */
export function TableChart({
  columns,
  rows,
  title,
  vertical = false,
}: {
  columns: string[];
  rows: (string | number)[][];
  title: string;
  vertical?: boolean;
}) {
  const series = columns.slice(1);
  const data = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  const label = columns[0] ?? "";
  return (
    <figure
      aria-hidden="true"
      title={title}
      className="w-full"
      style={{ height: vertical ? Math.max(240, rows.length * 30 + 80) : 260 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          // hidden from assistive technology (the table holds the figures), so not a keyboard stop either
          accessibilityLayer={false}
          layout={vertical ? "vertical" : "horizontal"}
          margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} fontSize={12} />
              <YAxis type="category" dataKey={label} width={120} fontSize={12} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey={label} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
            </>
          )}
          <Tooltip />
          <Legend />
          {series.map((s, i) => (
            <Bar key={s} dataKey={s} name={s} fill={COLORS[i % COLORS.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

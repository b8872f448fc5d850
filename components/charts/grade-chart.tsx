"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = { A: "#047857", B: "#0369a1", C: "#b45309", D: "#b91c1c" } as const;
const NAMES = { A: "A 优", B: "B 良", C: "C 中", D: "D 差" } as const;

/** Subjects per grade, stacked, one bar per region, industry or department (issue 12 §1). */
export function GradeChart({
  data,
  title,
  labelWidth = 104,
}: {
  data: { label: string; A: number; B: number; C: number; D: number }[];
  title: string;
  labelWidth?: number;
}) {
  return (
    <figure aria-label={title} className="w-full" style={{ height: Math.max(240, data.length * 30 + 80) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 8, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="label" width={labelWidth} fontSize={12} interval={0} />
          <Tooltip />
          <Legend />
          {(["A", "B", "C", "D"] as const).map((g) => (
            <Bar key={g} dataKey={g} name={NAMES[g]} stackId="g" fill={COLORS[g]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {(["A", "B", "C", "D"] as const).map((g) => (
              <th key={g} scope="col">
                {NAMES[g]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.A}</td>
              <td>{row.B}</td>
              <td>{row.C}</td>
              <td>{row.D}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

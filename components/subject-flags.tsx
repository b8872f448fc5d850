import { SEVERITY_LABELS } from "@/lib/records/record-input";

export type Flags = {
  red: boolean;
  seriousDishonesty: boolean;
  keyAttention: boolean;
  marketBan: boolean;
  underVerification: boolean;
};

const CHIPS: { key: keyof Flags; label: string; style: string }[] = [
  { key: "red", label: "红名单", style: "border-red-200 bg-red-50 text-red-800" },
  { key: "seriousDishonesty", label: "严重失信", style: "border-slate-800 bg-slate-800 text-white" },
  { key: "keyAttention", label: "重点关注", style: "border-amber-300 bg-amber-50 text-amber-900" },
  { key: "marketBan", label: "市场禁入", style: "border-purple-200 bg-purple-50 text-purple-900" },
  { key: "underVerification", label: "核实中", style: "border-sky-300 bg-sky-50 text-sky-900" },
];

export function SubjectFlags({ flags }: { flags: Flags }) {
  const on = CHIPS.filter((c) => flags[c.key]);
  if (on.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="名单标识">
      {on.map((c) => (
        <li key={c.key} className={`rounded border px-1.5 py-0.5 text-xs ${c.style}`}>
          {c.label}
        </li>
      ))}
    </ul>
  );
}

/** A penalty's 失信严重程度 as the public lists and profiles mark it. */
export function SeverityBadge({ severity }: { severity: keyof typeof SEVERITY_LABELS }) {
  return (
    <span
      className={`rounded px-1.5 text-xs ${severity === "serious" ? "bg-slate-800 text-white" : "bg-slate-100"}`}
    >
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

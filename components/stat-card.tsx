import { formatCount } from "@/lib/web/format";

export function StatCard({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <a href={href} className="block rounded border border-slate-200 bg-white p-4 hover:border-brand-600">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-brand-800">{formatCount(value)}</div>
    </a>
  );
}

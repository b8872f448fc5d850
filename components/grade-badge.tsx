import { GRADE_LABELS } from "@/lib/grading/grading";
import type { Grade } from "@/lib/policy";

const STYLE: Record<Grade, string> = {
  A: "bg-emerald-50 text-emerald-800 border-emerald-300",
  B: "bg-sky-50 text-sky-800 border-sky-300",
  C: "bg-amber-50 text-amber-900 border-amber-300",
  D: "bg-red-50 text-red-800 border-red-300",
};

export function GradeBadge({ grade }: { grade: Grade | null }) {
  if (!grade) return <span className="text-sm text-slate-600">未评价</span>;
  return (
    <span
      className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold ${STYLE[grade]}`}
      title={`公共信用综合评价：${grade} 级（${GRADE_LABELS[grade]}）`}
    >
      {grade} 级 · {GRADE_LABELS[grade]}
    </span>
  );
}

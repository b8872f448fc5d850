import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EFFECTS, type Effect, MATTERS, type Matter } from "@/lib/platform/measures";
import { LIST_KIND_LABELS } from "@/lib/web/navigation";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { checkStatistics } from "@/server/queries/joint-checks";

export const metadata: Metadata = { title: "联合奖惩成效统计" };

const td = "px-3 py-2 text-right tabular-nums";

/** 成效统计 (issue 23 §1): checks, hits, feedback given and feedback missing after 10 working days. */
export default async function CheckStatisticsPage() {
  await requireRole("supervisor", "sysadmin");
  const s = await checkStatistics({ today: today() });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">联合奖惩成效统计</h1>
      <p className="text-sm text-slate-600">
        “逾期未反馈”：命中措施的核查，超过 10 个工作日仍未反馈执行情况。
      </p>
      <h2 className="text-lg font-semibold">按部门</h2>
      <DataTable
        headers={["部门", "核查次数", "命中次数", "已反馈", "逾期未反馈"]}
        empty={s.byDept.length === 0 && "尚无核查。"}
      >
        {s.byDept.map((d) => (
          <tr key={d.deptId} className="border-t border-slate-100" data-dept={d.dept}>
            <td className="px-3 py-2">{d.dept}</td>
            <td className={td}>{d.checks}</td>
            <td className={td}>{d.hits}</td>
            <td className={td}>{d.feedback}</td>
            <td className={`${td} ${d.missing > 0 ? "font-semibold text-red-800" : ""}`}>{d.missing}</td>
          </tr>
        ))}
      </DataTable>
      <h2 className="text-lg font-semibold">按措施</h2>
      <DataTable
        headers={["措施", "名单 · 事项", "命中", "已反馈", "已实施", "逾期未反馈"]}
        empty={s.byMeasure.length === 0 && "措施清单为空。"}
      >
        {s.byMeasure.map((m) => (
          <tr key={m.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <span className="font-mono">{m.code}</span>【{EFFECTS[m.effect as Effect]}】{m.content}
            </td>
            <td className="px-3 py-2">
              {LIST_KIND_LABELS[m.listKind as keyof typeof LIST_KIND_LABELS]} · {MATTERS[m.matter as Matter]}
            </td>
            <td className={td}>{m.hits}</td>
            <td className={td}>{m.feedback}</td>
            <td className={td}>{m.applied}</td>
            <td className={td}>{m.missing}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

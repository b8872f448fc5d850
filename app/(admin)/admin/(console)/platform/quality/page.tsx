import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { percent, perTenThousand, share, USCC_RATE_TARGET } from "@/lib/platform/quality";
import { queryString } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { type QualityFigure, qualityBoard } from "@/server/queries/quality";

export const metadata: Metadata = { title: "数据质量" };

const td = "px-3 py-2 text-right tabular-nums";

/**
 * Issue 23 §4 (2020 plan §28, 2023 plan §14): each department's 双公示 records per month — online within 7 working
 * days, complete, valid — and the USCC error and duplicate rate, each figure linked to the rows behind it.
 */
export default async function QualityPage() {
  await requireRole("supervisor", "sysadmin");
  const b = await qualityBoard({ today: today() });
  const u = b.uscc;
  const rows = (dept: number, month: string, figure: QualityFigure) =>
    `/admin/platform/quality/rows${queryString({ dept, month, figure })}`;
  const cell = (n: number, of: number, dept: number, month: string, figure: QualityFigure) => (
    <Link className="text-brand-700 underline" href={rows(dept, month, figure)}>
      {percent(share(n, of))}
    </Link>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">数据质量</h1>
      <section aria-labelledby="uscc" className="rounded bg-white p-4 shadow">
        <h2 id="uscc" className="font-semibold">
          统一社会信用代码重错码率
        </h2>
        <p className="mt-1 text-3xl font-bold tabular-nums" data-testid="uscc-rate">
          {perTenThousand(u.rate)}
        </p>
        <p className="text-sm text-slate-600">
          主体库共 {u.codes.toLocaleString("zh-CN")} 个代码：校验位错误 {u.errors} 个，同一名称对应多个代码{" "}
          {u.duplicates} 个。 目标：低于万分之一（{perTenThousand(USCC_RATE_TARGET)}）——
          {u.rate !== null && u.rate < USCC_RATE_TARGET ? (
            <span className="font-semibold text-emerald-800">已达标</span>
          ) : (
            <span className="font-semibold text-red-800">未达标</span>
          )}
        </p>
      </section>
      <p className="text-sm text-slate-600">
        按记录上网的月份统计：及时率＝决定作出后 7
        个工作日内上网的比例；完整率＝必填项齐全的比例；有效率＝日期等数据项无误的比例；
        错码重码＝所涉主体代码有误或重复的记录数。点击数字查看对应记录。
      </p>
      <DataTable
        headers={["月份", "部门", "上网记录", "及时率", "完整率", "有效率", "错码重码"]}
        empty={b.cells.length === 0 && "近 6 个月没有上网的双公示记录。"}
      >
        {b.cells.map((c) => (
          <tr key={`${c.month}-${c.deptId}`} className="border-t border-slate-100">
            <td className="px-3 py-2">{c.month}</td>
            <td className="px-3 py-2">{c.dept}</td>
            <td className={td}>{c.total}</td>
            <td className={td}>{cell(c.timely, c.total, c.deptId, c.month, "late")}</td>
            <td className={td}>{cell(c.complete, c.total, c.deptId, c.month, "incomplete")}</td>
            <td className={td}>{cell(c.valid, c.total, c.deptId, c.month, "invalid")}</td>
            <td className={td}>
              <Link className="text-brand-700 underline" href={rows(c.deptId, c.month, "uscc")}>
                {c.usccFaults}
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

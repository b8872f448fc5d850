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
export default async function QualityPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  await requireRole("supervisor", "sysadmin");
  const b = await qualityBoard({ today: today() });
  const u = b.uscc;
  const wanted = (await searchParams).month;
  const month = b.months.find((m) => m === wanted) ?? b.months.at(-1) ?? "";
  const cells = b.cells.filter((c) => c.month === month);
  const sum = (k: "total" | "timely" | "complete" | "valid" | "usccFaults") =>
    cells.reduce((n, c) => n + c[k], 0);
  const rows = (dept: number, month: string, figure: QualityFigure) =>
    `/admin/platform/quality/rows${queryString({ dept, month, figure })}`;
  // a figure with nothing behind it is not a link to an empty list
  const cell = (n: number, of: number, dept: number, month: string, figure: QualityFigure) =>
    n < of ? (
      <Link className="text-brand-700 underline" href={rows(dept, month, figure)}>
        {percent(share(n, of))}
      </Link>
    ) : (
      percent(share(n, of))
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
        按记录上网的月份统计，各部门按报送数据统计：及时率＝决定作出后 7
        个工作日内上网的比例；完整率＝必填项齐全的比例；有效率＝日期等数据项无误的比例；
        错码重码＝所涉主体代码有误或重复的记录数。点击未达满分的数字查看对应记录。
      </p>
      <nav aria-label="月份" className="flex flex-wrap gap-1">
        {b.months.map((m) => (
          <Link
            key={m}
            href={`/admin/platform/quality?month=${m}`}
            aria-current={m === month ? "page" : undefined}
            className={`rounded px-3 py-1 text-sm ${m === month ? "bg-brand-700 text-white" : "border border-slate-300 bg-white"}`}
          >
            {m}
          </Link>
        ))}
      </nav>
      <DataTable
        headers={["部门", "上网记录", "及时率", "完整率", "有效率", "错码重码"]}
        empty={cells.length === 0 && `${month} 没有上网的双公示记录。`}
      >
        {cells.map((c) => (
          <tr key={c.deptId} className="border-t border-slate-100" data-dept={c.dept}>
            <td className="px-3 py-2">{c.dept}</td>
            <td className={td}>{c.total}</td>
            <td className={td}>{cell(c.timely, c.total, c.deptId, c.month, "late")}</td>
            <td className={td}>{cell(c.complete, c.total, c.deptId, c.month, "incomplete")}</td>
            <td className={td}>{cell(c.valid, c.total, c.deptId, c.month, "invalid")}</td>
            <td className={td}>
              {c.usccFaults > 0 ? (
                <Link className="text-brand-700 underline" href={rows(c.deptId, c.month, "uscc")}>
                  {c.usccFaults}
                </Link>
              ) : (
                0
              )}
            </td>
          </tr>
        ))}
        {cells.length > 0 && (
          <tr className="border-t-2 border-slate-300 font-semibold">
            <td className="px-3 py-2">合计</td>
            <td className={td}>{sum("total")}</td>
            <td className={td}>{percent(share(sum("timely"), sum("total")))}</td>
            <td className={td}>{percent(share(sum("complete"), sum("total")))}</td>
            <td className={td}>{percent(share(sum("valid"), sum("total")))}</td>
            <td className={td}>{sum("usccFaults")}</td>
          </tr>
        )}
      </DataTable>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { SmallActionForm } from "@/components/form";
import { weekday } from "@/lib/calendar/dates";
import { intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listCalendarYear } from "@/server/queries/calendar";
import { setCalendarDayAction } from "./actions";
import { DayForm } from "./day-form";

export const metadata: Metadata = { title: "工作日历" };

const WEEKDAY = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("sysadmin");
  const thisYear = Number(today().slice(0, 4));
  const year = intParam((await searchParams).year, { min: 2000, max: 2100 }) ?? thisYear;
  const { days, years } = await listCalendarYear({ year });
  // the recent years and the next one; older ones stay reachable by ?year=
  const shown = [
    ...new Set([...years.filter((y) => y >= thisYear - 2), thisYear - 1, thisYear, thisYear + 1, year]),
  ].sort();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">工作日历</h1>
      <p className="text-sm text-slate-600">
        所有办理期限（信用修复受理与决定、信用承诺审核、自主申报核验）按此日历的工作日计算：周一至周五为工作日，
        下表列出的法定节假日放假、调休上班日上班。修改后，办理中事项的期限随即重新计算；会使期限提前到今天之前的修改不予保存。
      </p>
      <nav aria-label="年份" className="flex flex-wrap gap-2 text-sm">
        {shown.map((y) => (
          <Link
            key={y}
            href={`/admin/calendar?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={`rounded border px-3 py-1.5 ${y === year ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
          >
            {y} 年
          </Link>
        ))}
      </nav>
      <section className="rounded bg-white p-4 shadow">
        <h2 className="mb-3 font-semibold">设置一天</h2>
        <DayForm />
      </section>
      {days.length === 0 && (
        <p
          role="status"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {year} 年尚未录入节假日安排：在国务院办公厅公布当年安排后，请逐日录入，否则期限将只按周末计算。
        </p>
      )}
      <DataTable
        headers={["日期", "星期", "类型", "名称", ""]}
        empty={days.length === 0 && `${year} 年没有节假日或调休记录。`}
      >
        {days.map((d) => (
          <tr key={d.date} className="border-t border-slate-100">
            <td className="px-3 py-2 tabular-nums">{d.date}</td>
            <td className="px-3 py-2">{WEEKDAY[weekday(d.date)]}</td>
            <td className="px-3 py-2">
              <span
                className={`rounded px-1.5 text-xs ${d.kind === "holiday" ? "bg-red-100 text-red-800" : "bg-sky-100 text-sky-900"}`}
              >
                {d.kind === "holiday" ? "放假" : "调休上班"}
              </span>
            </td>
            <td className="px-3 py-2">{d.name}</td>
            <td className="px-3 py-2">
              <SmallActionForm
                action={setCalendarDayAction}
                fields={{ date: d.date, kind: "normal" }}
                label="恢复为普通日期"
                confirm={`确认将 ${d.date} 恢复为普通日期？办理中事项的期限将重新计算。`}
              />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

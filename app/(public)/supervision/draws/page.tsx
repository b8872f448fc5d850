import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { chinaDate } from "@/lib/calendar/dates";
import { getPublishedDraws } from "@/server/queries/supervision";

export const metadata: Metadata = {
  title: "双随机抽查",
  description: "各部门双随机抽查的抽查对象、随机种子和检查结果公示，任何人都可以复核抽取过程。",
};

const day = (d: Date | null) => (d ? chinaDate(d) : "");

export default async function PublicDrawsPage() {
  const draws = await getPublishedDraws({ limit: 200 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">双随机抽查公示</h1>
      <p className="text-slate-700">
        “双随机、一公开”：随机抽取检查对象，随机选派执法检查人员，抽查情况和查处结果及时向社会公开。信用好的主体少查，信用差的主体多查。
        每次抽查都公示所用的随机种子、对象库和算法，任何人都可以重新运行、核对抽取结果。
      </p>
      <DataTable
        headers={["抽查编号", "抽查事项", "部门", "抽取日期", "对象库", "抽中"]}
        empty={draws.length === 0 && "暂无抽查公示。"}
      >
        {draws.map((d) => (
          <tr key={d.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/supervision/draws/${d.drawNo}`} className="text-brand-700 underline">
                {d.drawNo}
              </Link>
            </td>
            <td className="px-3 py-2">{d.title}</td>
            <td className="px-3 py-2">{d.deptName}</td>
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">{day(d.drawnAt)}</td>
            <td className="px-3 py-2 tabular-nums">{d.poolSize.toLocaleString("en-US")} 户</td>
            <td className="px-3 py-2 tabular-nums">{d.drawn} 户</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { formatTimeZh } from "@/lib/web/format";
import { requireRole } from "@/server/auth/guard";
import { getDraws } from "@/server/queries/supervision";

export const metadata: Metadata = { title: "双随机抽查" };

export default async function DrawsPage() {
  const user = await requireRole("supervisor");
  const draws = await getDraws({ actor: user });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">双随机抽查</h1>
        <Link
          href="/admin/supervision/draws/new"
          className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
        >
          新建抽查
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        本部门的抽查。预览只在后台可见并留痕；确认后的抽查在网站「双随机抽查」栏目公示，任何人都可以用公示的随机种子和对象库复核。
      </p>
      <DataTable
        headers={["编号", "抽查事项", "状态", "对象库", "抽中", "时间"]}
        empty={draws.length === 0 && "还没有抽查。"}
      >
        {draws.map((d) => (
          <tr key={d.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/admin/supervision/draws/${d.id}`} className="text-brand-700 underline">
                {d.drawNo ?? `预览 #${d.id}`}
              </Link>
            </td>
            <td className="px-3 py-2">{d.title}</td>
            <td className="px-3 py-2">{d.state === "confirmed" ? "已确认并公示" : "预览（未确认）"}</td>
            <td className="px-3 py-2 tabular-nums">{d.poolSize.toLocaleString("en-US")}</td>
            <td className="px-3 py-2 tabular-nums">{d.state === "confirmed" ? d.drawn : "—"}</td>
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">
              {formatTimeZh(d.drawnAt ?? d.createdAt, "seconds")}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

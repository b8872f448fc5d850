import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/data-table";
import { DrawFacts } from "@/components/draw-facts";
import { GradeBadge } from "@/components/grade-badge";
import { Section } from "@/components/section";
import { INSPECTION_RESULT_LABEL, isDrawNo } from "@/lib/supervision/labels";
import { replayDraw } from "@/server/queries/draw-replay";
import { getPublishedDraw } from "@/server/queries/supervision";

export const metadata: Metadata = { title: "双随机抽查公示" };

export default async function PublicDrawPage({ params }: { params: Promise<{ no: string }> }) {
  const no = (await params).no;
  if (!isDrawNo(no)) notFound();
  const d = await getPublishedDraw({ drawNo: no });
  if (!d) notFound();
  const replay = await replayDraw({ which: no });
  return (
    <div className="space-y-4">
      <Link href="/supervision/draws" className="text-sm text-brand-700 underline">
        ← 双随机抽查公示
      </Link>
      <h1 className="text-2xl font-bold">{d.title}</h1>
      {replay && (
        <p
          role="status"
          className={`rounded border px-3 py-2 ${replay.identical ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {replay.identical
            ? `复核一致：刚才按公示的随机种子和对象库重新抽取，${replay.drawn} 户抽中主体和选派结果与公示完全相同。`
            : `复核不一致：${replay.difference}`}
        </p>
      )}
      <Section id="draw" title="抽查信息">
        <div className="p-4">
          <DrawFacts d={d} audience="public" />
          <p className="mt-3 text-sm text-slate-600">
            自行复核：下载
            <a href={`/supervision/draws/${d.drawNo}/inputs`} className="mx-1 text-brand-700 underline">
              抽取输入（JSON）
            </a>
            ，按其中说明的算法重新运行，应得到下表同样的主体和顺序。
            <a href={`/supervision/draws/${d.drawNo}/csv`} className="ml-2 text-brand-700 underline">
              下载抽查结果 CSV
            </a>
          </p>
        </div>
      </Section>
      <DataTable
        headers={["序号", "主体名称", "统一社会信用代码", "信用等级", "检查结果"]}
        empty={d.subjects.length === 0 && "没有抽中任何主体。"}
      >
        {d.subjects.map((s) => (
          <tr key={s.subjectId} className="border-t border-slate-100">
            <td className="px-3 py-2 tabular-nums">{s.seq}</td>
            <td className="px-3 py-2">
              {s.uscc ? (
                <Link href={`/subjects/${s.uscc}`} className="text-brand-700 underline">
                  {s.name}
                </Link>
              ) : (
                s.name
              )}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{s.uscc}</td>
            <td className="whitespace-nowrap px-3 py-2">
              <GradeBadge grade={s.grade} />
            </td>
            <td className="px-3 py-2">
              {s.result ? `${INSPECTION_RESULT_LABEL[s.result]}（${s.resultOn}）` : "检查中"}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

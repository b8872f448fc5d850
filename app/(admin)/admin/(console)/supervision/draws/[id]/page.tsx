import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable, SubjectCell } from "@/components/data-table";
import { DrawFacts } from "@/components/draw-facts";
import { GradeBadge } from "@/components/grade-badge";
import { Section } from "@/components/section";
import { INSPECTION_RESULT_LABEL } from "@/lib/supervision/labels";
import { intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { replayDraw } from "@/server/queries/draw-replay";
import { getDraw, getPreviewResult } from "@/server/queries/supervision";
import { ConfirmForm, ResultForm } from "./forms";

export const metadata: Metadata = { title: "双随机抽查" };

export default async function DrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireRole("supervisor");
  const id = intParam((await params).id);
  const changedFrom = intParam((await searchParams).changed) ?? 0;
  if (id === undefined) notFound();
  const d = await getDraw({ actor: user, id });
  if (!d) notFound();
  const preview = d.state === "preview" ? await getPreviewResult({ actor: user, drawId: d.id }) : null;
  const replay = d.state === "confirmed" ? await replayDraw({ which: String(d.id) }) : null;
  const perGrade = preview?.perGrade;
  return (
    <div className="space-y-4">
      <Link href="/admin/supervision/draws" className="text-sm text-brand-700 underline">
        ← 返回双随机抽查
      </Link>
      <h1 className="text-2xl font-bold">
        {d.title}
        <span className="ml-2 text-base font-normal text-slate-600">
          {d.state === "confirmed" ? d.drawNo : "预览（未确认，未公示）"}
        </span>
      </h1>
      {changedFrom > 0 && (
        <p
          role="alert"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          预览 #{changedFrom}{" "}
          之后抽查对象库已变化，该预览未确认。下面是按现在的对象库和新的随机种子生成的预览，请核对后再确认。
        </p>
      )}
      <Section id="draw" title="抽查信息">
        <div className="p-4">
          <DrawFacts d={d} audience="console" />
        </div>
      </Section>
      {preview && (
        <>
          <Section id="preview" title={`预览结果：抽中 ${preview.total} 户`}>
            <div className="space-y-3 p-4">
              <p className="text-sm">
                {perGrade ? (
                  <>
                    {(["A", "B", "C", "D"] as const)
                      .map((g) => `${g} 级 ${perGrade[g].pool} 户中抽 ${perGrade[g].drawn} 户`)
                      .join("；")}
                    。确认时系统会再次核对对象库：若期间有主体的等级或登记情况变化，本预览作废并生成新的预览。
                  </>
                ) : (
                  "该预览生成于系统保存预览结果之前，没有可公示的结果。点击确认将按现在的对象库和新的随机种子生成新的预览。"
                )}
              </p>
              <ConfirmForm id={d.id} />
            </div>
          </Section>
          <DataTable
            headers={["序号", "主体", "统一社会信用代码", "等级", "检查人员"]}
            empty={preview.total === 0 && "没有抽中任何主体。"}
          >
            {preview.drawn.map((s, i) => (
              <tr key={s.id} className="border-t border-slate-100">
                <td className="px-3 py-2 tabular-nums">{i + 1}</td>
                <td className="px-3 py-2">{s.name}</td>
                <td className="px-3 py-2 font-mono text-xs">{s.uscc}</td>
                <td className="px-3 py-2">
                  <GradeBadge grade={s.grade} />
                </td>
                <td className="px-3 py-2">{s.inspectors.join("、")}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {replay && (
        <p
          role="status"
          className={`rounded border px-3 py-2 text-sm ${replay.identical ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          复核：
          {replay.identical
            ? "一致——按存储的随机种子和对象库重新抽取，结果与公示完全相同。"
            : `不一致：${replay.difference}`}
          <Link href={`/supervision/draws/${d.drawNo}`} className="ml-2 underline">
            查看公示页
          </Link>
        </p>
      )}
      {d.state === "confirmed" && (
        <DataTable
          headers={["序号", "主体", "等级", "检查人员", "检查结果"]}
          empty={d.subjects.length === 0 && "没有抽中任何主体。"}
        >
          {d.subjects.map((s) => (
            <tr key={s.subjectId} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 tabular-nums">{s.seq}</td>
              <SubjectCell
                name={
                  s.uscc ? (
                    <Link href={`/admin/supervision/subjects/${s.uscc}`} className="text-brand-700 underline">
                      {s.name}
                    </Link>
                  ) : (
                    s.name
                  )
                }
                uscc={s.uscc}
              />
              <td className="px-3 py-2">
                <GradeBadge grade={s.grade} />
              </td>
              <td className="px-3 py-2 text-sm">{s.inspectors.join("、")}</td>
              <td className="px-3 py-2">
                {s.result && (
                  <p className="mb-1 text-sm">
                    <strong>{INSPECTION_RESULT_LABEL[s.result]}</strong>（{s.resultOn}）{s.resultNote}
                  </p>
                )}
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">
                    {s.result ? "更正结果" : "录入结果"}
                  </summary>
                  <ResultForm drawId={d.id} subjectId={s.subjectId} today={today()} />
                </details>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { GradeBadge } from "@/components/grade-badge";
import { Section } from "@/components/section";
import { DEFAULT_GRADING, GRADE_LABELS } from "@/lib/grading/grading";
import { parseSubjectCode } from "@/lib/subjects/subject-code";
import { today } from "@/server/clock";
import { getSubjectProfile } from "@/server/queries/profile";

export const metadata: Metadata = { title: "公共信用综合评价依据" };

export default async function GradePage({ params }: { params: Promise<{ code: string }> }) {
  await connection();
  const code = parseSubjectCode((await params).code);
  if (code.kind === "invalid") notFound();
  const p = await getSubjectProfile({ code, today: today() });
  if (!p) notFound();
  const r = DEFAULT_GRADING;
  return (
    <div className="space-y-4">
      <nav aria-label="当前位置" className="text-sm text-slate-600">
        <Link href={`/subjects/${p.code}`} className="underline">
          {p.name}
        </Link>{" "}
        › 评价依据
      </nav>
      <h1 className="text-2xl font-bold">公共信用综合评价依据</h1>
      <p className="flex flex-wrap items-center gap-2">
        <GradeBadge grade={p.grade.grade} /> 得分 {p.grade.score} 分，按 {p.grade.asOf}{" "}
        公示中的信息计算，规则版本 {p.grade.ruleVersion}
      </p>
      <Section
        id="contributions"
        title="计分明细"
        count={p.grade.contributions.length}
        empty={`没有加减分事项，保持基础分 ${r.start} 分。`}
      >
        <table className="w-full text-sm">
          <caption className="sr-only">每一项加减分及其依据</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-2">
                事项
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                分值
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            <tr>
              <td className="px-4 py-2">基础分</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.start}</td>
            </tr>
            {p.grade.contributions.map((c) => (
              <tr key={`${c.rule}-${c.refId}`}>
                <td className="px-4 py-2">{c.label}</td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {c.cap ? `最高 ${c.cap} 级` : c.points > 0 ? `+${c.points}` : c.points}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section id="rules" title="评价规则">
        <ul className="list-disc space-y-1 px-8 py-3 text-sm">
          <li>
            基础分 {r.start} 分；公示中的一般失信行政处罚每条 {r.generalPenalty} 分，严重失信行政处罚每条{" "}
            {r.seriousPenalty} 分。
          </li>
          <li>
            列入红名单每条 +{r.redListEntry} 分；违诺每次 {r.breachedCommitment} 分；已履约的信用承诺每项 +
            {r.fulfilledCommitment} 分。
          </li>
          <li>
            A 级（{GRADE_LABELS.A}）≥ {r.bands.A} 分；B 级（{GRADE_LABELS.B}）{r.bands.B}–{r.bands.A - 1}{" "}
            分；C 级（{GRADE_LABELS.C}）{r.bands.C}–{r.bands.B - 1} 分；D 级（{GRADE_LABELS.D}）低于{" "}
            {r.bands.C} 分。
          </li>
          <li>列入重点关注对象名单的，评价最高为 C 级；列入严重失信主体名单的，评价为 D 级。</li>
          <li>
            评价结果用于分级分类监管：评价越好，被抽查的比例越低。对评价有异议的，可通过“异议申诉”提出。
          </li>
        </ul>
      </Section>
    </div>
  );
}

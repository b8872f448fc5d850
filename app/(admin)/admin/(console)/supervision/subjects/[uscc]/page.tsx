import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/data-table";
import { GradeBadge } from "@/components/grade-badge";
import { Fields, ListSection, Section } from "@/components/section";
import { industryLabel } from "@/lib/subjects/industries";
import { GRADE_CONSEQUENCES } from "@/lib/supervision/consequences";
import { INSPECTION_RESULT_LABEL } from "@/lib/supervision/labels";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getSubjectSupervision } from "@/server/queries/supervision";
import { InterviewForm } from "./interview-form";

export const metadata: Metadata = { title: "主体监管档案" };

const KIND = { prompt: "提示约谈", warning: "警示约谈" } as const;

export default async function SubjectSupervisionPage({ params }: { params: Promise<{ uscc: string }> }) {
  const user = await requireRole("supervisor");
  const uscc = (await params).uscc;
  if (!/^[0-9A-Z]{18}$/.test(uscc)) notFound();
  const s = await getSubjectSupervision({ actor: user, uscc });
  if (!s) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{s.name}</h1>
      <Section id="basic" title="监管信息">
        <div className="p-4">
          <Fields
            items={[
              [
                "统一社会信用代码",
                <span key="c" className="font-mono">
                  {s.uscc}
                </span>,
              ],
              ["地区", s.regionName ?? ""],
              ["行业", industryLabel(s.industry)],
              ["信用等级", <GradeBadge key="g" grade={s.grade} />],
              ["得分", s.score === null ? "" : `${s.score}（规则 ${s.ruleVersion}）`],
              ["监管措施", s.grade ? GRADE_CONSEQUENCES[s.grade] : ""],
            ]}
          />
          <p className="mt-2 text-sm">
            <Link href={`/subjects/${s.uscc}/grade`} className="text-brand-700 underline">
              查看评价依据（逐项加减分）
            </Link>
          </p>
        </div>
      </Section>
      <Section id="interviews" title="约谈记录" count={s.interviews.length} empty="没有约谈记录。">
        <DataTable headers={["日期", "类型", "部门", "事由", "结果", "整改期限"]} empty={false}>
          {s.interviews.map((i) => (
            <tr key={i.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{i.heldOn}</td>
              <td className="whitespace-nowrap px-3 py-2">{KIND[i.kind]}</td>
              <td className="px-3 py-2">{i.deptName}</td>
              <td className="px-3 py-2">{i.matter}</td>
              <td className="px-3 py-2">{i.outcome}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{i.rectifyBy}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <Section id="new-interview" title="记录约谈">
        <div className="p-4">
          <InterviewForm subjectId={s.id} today={today()} />
        </div>
      </Section>
      <ListSection
        id="draws"
        title="被抽查记录"
        items={s.draws}
        empty="未被双随机抽查抽中过。"
        itemClass="px-4 py-2 text-sm"
      >
        {(d) => (
          <>
            <Link href={`/admin/supervision/draws/${d.id}`} className="text-brand-700 underline">
              {d.drawNo}
            </Link>
            <span className="ml-2">
              {d.result
                ? INSPECTION_RESULT_LABEL[d.result as keyof typeof INSPECTION_RESULT_LABEL]
                : "检查结果未录入"}
            </span>
          </>
        )}
      </ListSection>
    </div>
  );
}

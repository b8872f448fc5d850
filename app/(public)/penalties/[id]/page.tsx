import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ProvenanceSection } from "@/components/provenance";
import { Fields } from "@/components/section";
import { COUNTERPART_CATEGORIES, SEVERITY_LABELS } from "@/lib/records/record-input";
import { intParam } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { getPenalty } from "@/server/queries/disclosure";
import { provenanceOf } from "@/server/queries/provenance";

export const metadata: Metadata = { title: "行政处罚决定" };

export default async function PenaltyPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const id = intParam((await params).id);
  if (id === undefined) notFound();
  const row = await getPenalty({ id, today: today() });
  if (!row) notFound();
  const provenance = (await provenanceOf("penalty", [id])).get(id);
  const p = row.penalty;
  const person = row.person;
  const subjectCode = person || !row.subjectUscc ? row.subjectPublicId : row.subjectUscc;
  const wan = (v: string | null) => (v === null ? null : `${Number(v)} 万元`);
  return (
    <article className="space-y-4">
      <nav aria-label="当前位置" className="text-sm text-slate-600">
        <Link href="/penalties" className="underline">
          双公示 · 行政处罚
        </Link>{" "}
        › 决定详情
      </nav>
      <h1 className="break-words text-2xl font-bold">{p.decisionNo}</h1>
      <div className="rounded border border-slate-200 bg-white p-4">
        <Fields
          items={[
            [
              "行政相对人名称",
              <Link key="s" href={`/subjects/${subjectCode}`} className="text-brand-700 underline">
                {p.counterpartName}
              </Link>,
            ],
            ["行政相对人类别", COUNTERPART_CATEGORIES[p.counterpartCategory]],
            ["统一社会信用代码", person ? null : row.subjectUscc],
            ["法定代表人", p.legalRepresentative],
            ["行政处罚决定书文号", p.decisionNo],
            ["违法行为类型", p.violationType],
            ["违法事实", p.violationFacts],
            ["处罚依据", p.legalBasis],
            ["处罚类别", p.penaltyTypes.join("、")],
            ["处罚内容", p.penaltyContent],
            ["罚款金额", wan(p.fineAmount)],
            ["没收违法所得、没收非法财物的金额", wan(p.confiscatedAmount)],
            ["暂扣或吊销证照名称及编号", p.licenceAffected],
            ["处罚决定日期", p.decisionDate],
            ["处罚有效期", p.effectiveUntil],
            ["失信严重程度", SEVERITY_LABELS[p.severity]],
            ["公示截止期", p.publicUntil],
            ["可申请信用修复", `自 ${p.repairableFrom}`],
            ["处罚机关", row.authorityName],
            ["处罚机关统一社会信用代码", row.authorityUscc],
            ["数据来源单位", row.sourceName],
            ["数据来源单位统一社会信用代码", row.sourceUscc],
            ["备注", p.remarks],
            ["状态", p.underVerification ? "核实中（该记录正在异议核实）" : null],
          ]}
        />
      </div>
      <ProvenanceSection p={provenance} />
    </article>
  );
}

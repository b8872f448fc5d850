import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ProvenanceSection } from "@/components/provenance";
import { Fields } from "@/components/section";
import { COUNTERPART_CATEGORIES } from "@/lib/records/record-input";
import { intParam } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { getLicence } from "@/server/queries/disclosure";
import { provenanceOf } from "@/server/queries/provenance";

export const metadata: Metadata = { title: "行政许可决定" };

export default async function LicencePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const id = intParam((await params).id);
  if (id === undefined) notFound();
  const day = today();
  const row = await getLicence({ id, today: day });
  if (!row) notFound();
  const provenance = (await provenanceOf("licence", [id])).get(id);
  const l = row.licence;
  const person = row.person;
  const subjectCode = person || !row.subjectUscc ? row.subjectPublicId : row.subjectUscc;
  const expired = l.validTo !== null && l.validTo < day;
  return (
    <article className="space-y-4">
      <nav aria-label="当前位置" className="text-sm text-slate-600">
        <Link href="/licences" className="underline">
          双公示 · 行政许可
        </Link>{" "}
        › 决定详情
      </nav>
      <h1 className="break-words text-2xl font-bold">{l.decisionNo}</h1>
      {expired && (
        <p className="rounded border border-slate-300 bg-slate-100 p-3">
          该许可已于 {l.validTo} 过期，仅作历史记录展示。
        </p>
      )}
      <div className="rounded border border-slate-200 bg-white p-4">
        <Fields
          items={[
            [
              "行政相对人名称",
              <Link key="s" href={`/subjects/${subjectCode}`} className="text-brand-700 underline">
                {l.counterpartName}
              </Link>,
            ],
            ["行政相对人类别", COUNTERPART_CATEGORIES[l.counterpartCategory]],
            ["统一社会信用代码", person ? null : row.subjectUscc],
            ["法定代表人", l.legalRepresentative],
            ["行政许可决定文书名称", l.decisionTitle],
            ["行政许可决定文书号", l.decisionNo],
            ["许可类别", l.category],
            ["许可证书名称", l.certificateName],
            ["许可编号", l.licenceNo],
            ["许可内容", l.content],
            ["许可决定日期", l.decisionDate],
            ["有效期自", l.validFrom],
            ["有效期至", l.validTo ?? "长期"],
            ["许可机关", row.authorityName],
            ["许可机关统一社会信用代码", row.authorityUscc],
            ["数据来源单位", row.sourceName],
            ["数据来源单位统一社会信用代码", row.sourceUscc],
            ["备注", l.remarks],
          ]}
        />
      </div>
      <ProvenanceSection p={provenance} />
    </article>
  );
}

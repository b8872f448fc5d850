import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ProvenanceSection } from "@/components/provenance";
import { Fields } from "@/components/section";
import { listKindFromSegment, listKindLabel } from "@/lib/records/list-kinds";
import { intParam } from "@/lib/web/query-string";
import { today } from "@/server/clock";
import { getListEntry } from "@/server/queries/lists";
import { provenanceOf } from "@/server/queries/provenance";

export const metadata: Metadata = { title: "名单信息详情" };

export default async function ListEntryPage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  await connection();
  const { kind: segment, id: rawId } = await params;
  const kind = listKindFromSegment(segment);
  const id = intParam(rawId);
  if (!kind || id === undefined) notFound();
  const e = await getListEntry({ kind, id, today: today() });
  if (!e) notFound();
  const provenance = (await provenanceOf("list_entry", [id])).get(id);
  return (
    <article className="space-y-4">
      <nav aria-label="当前位置" className="text-sm text-slate-600">
        <Link href={`/lists/${segment}`} className="underline">
          {listKindLabel(kind)}
        </Link>{" "}
        › 详情
      </nav>
      <h1 className="break-words text-2xl font-bold">{e.subject.name}</h1>
      {e.underVerification && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sky-900">
          该名单信息正在异议核实中，核实期间暂停联合惩戒措施。
        </p>
      )}
      <div className="rounded border border-slate-200 bg-white p-4">
        <Fields
          items={[
            [
              "主体名称",
              <Link key="s" href={`/subjects/${e.subject.code}`} className="text-brand-700 underline">
                {e.subject.name}
              </Link>,
            ],
            ["统一社会信用代码", e.subject.uscc],
            ["名单", e.listName],
            ["认定单位", e.dept],
            ["认定单位统一社会信用代码", e.deptUscc],
            ["认定依据", e.basis],
            [
              "所依据的行政处罚",
              e.basisRecords.length === 0
                ? null
                : e.basisRecords.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && "、"}
                      <Link href={`/penalties/${p.id}`} className="text-brand-700 underline">
                        {p.decisionNo}
                      </Link>
                    </span>
                  )),
            ],
            ["认定决定文号", e.decisionNo],
            ["认定日期", e.decisionDate],
            ["有效期", `${e.validFrom ?? ""} 至 ${e.validUntil ?? "长期"}`],
            ["禁入领域", e.bannedField],
            ["列入事由", e.facts],
          ]}
        />
      </div>
      <ProvenanceSection p={provenance} />
    </article>
  );
}

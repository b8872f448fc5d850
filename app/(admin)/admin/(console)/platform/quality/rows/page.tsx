import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DataTable, SubjectCell } from "@/components/data-table";
import { hasAnyRole, RECORD_READERS } from "@/lib/access/roles";
import { invalidValues, missingFields } from "@/lib/platform/quality";
import { checkUscc } from "@/lib/subjects/uscc";
import { intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { QUALITY_FIGURES, qualityRows } from "@/server/queries/quality";

export const metadata: Metadata = { title: "数据质量明细" };

const query = z.object({
  dept: z
    .string()
    .transform((v) => intParam(v))
    .pipe(z.number()),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  figure: z.enum(Object.keys(QUALITY_FIGURES) as [keyof typeof QUALITY_FIGURES]),
});

/** The records behind one figure of the quality board, each with what is wrong with it. */
export default async function QualityRowsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await requireRole("supervisor", "sysadmin");
  // the record itself opens for those who read records (the sysadmin sees the figures, not the records)
  const opens = hasAnyRole(user, RECORD_READERS);
  const q = query.safeParse(await searchParams);
  if (!q.success) notFound();
  const { dept, month, figure } = q.data;
  const rows = await qualityRows({ deptId: dept, month, figure });
  const why = (r: (typeof rows)[number]) => {
    if (figure === "late") return `应于 ${r.due} 前上网，实际 ${r.onlineOn}`;
    const rec = {
      kind: r.kind,
      counterpartCategory: r.category,
      legalRepresentative: r.legalRepresentative,
      penaltyTypes: r.noFine ? ["罚款"] : [],
      fineAmount: null,
      validFrom: r.validFrom,
      validTo: r.validTo,
      decisionDate: r.decisionDate,
      onlineOn: r.onlineOn,
    };
    if (figure === "incomplete") return `缺少：${missingFields(rec).join("、")}`;
    if (figure === "invalid") return invalidValues(rec).join("；");
    const c = r.uscc ? checkUscc(r.uscc) : null;
    return c && !c.valid ? c.reason : "同一名称对应多个统一社会信用代码";
  };
  return (
    <div className="space-y-4">
      <Link href="/admin/platform/quality" className="text-sm text-brand-700 underline">
        ← 返回数据质量
      </Link>
      <h1 className="text-2xl font-bold">
        {month} · {QUALITY_FIGURES[figure].label}（{rows.length} 条）
      </h1>
      <DataTable
        headers={["类别", "决定文书号", "主体", "决定日期", "上网日期", "问题"]}
        empty={rows.length === 0 && "没有记录。"}
      >
        {rows.map((r) => (
          <tr key={`${r.kind}-${r.id}`} className="border-t border-slate-100">
            <td className="whitespace-nowrap px-3 py-2">{r.kind === "penalty" ? "行政处罚" : "行政许可"}</td>
            <td className="px-3 py-2">
              {opens ? (
                <Link className="text-brand-700 underline" href={`/admin/records/${r.kind}/${r.id}`}>
                  {r.decisionNo}
                </Link>
              ) : (
                r.decisionNo
              )}
            </td>
            <SubjectCell name={r.subject} uscc={r.uscc} />
            <td className="whitespace-nowrap px-3 py-2">{r.decisionDate}</td>
            <td className="whitespace-nowrap px-3 py-2">{r.onlineOn}</td>
            <td className="px-3 py-2">{why(r)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

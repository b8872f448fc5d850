import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DataTable } from "@/components/data-table";
import { GOV_DISHONESTY_LABELS, govCommitmentStanding } from "@/lib/platform/government";
import { today } from "@/server/clock";
import { governmentLists } from "@/server/queries/government";

export const metadata: Metadata = { title: "政务诚信" };

/** Issue 23 §6 (2014 plan 政务诚信): government dishonesty not yet settled, and the promises organs made. */
export default async function GovernmentIntegrityPage() {
  await connection();
  const day = today();
  const { dishonesty, promises } = await governmentLists({ today: day });
  const subject = (r: { subject: string; uscc: string | null }) =>
    r.uscc ? (
      <Link className="text-brand-700 underline" href={`/subjects/${r.uscc}#government`}>
        {r.subject}
      </Link>
    ) : (
      r.subject
    );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">政务诚信</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        政府机关和事业单位与市场主体同一标准：对社会作出的承诺公开并跟踪履约，拖欠账款、失信被执行等政务失信行为记入信用档案并在此公示，
        履行完毕后移出名单、保留在其信用档案的历史中。
      </p>
      <section aria-labelledby="d" className="space-y-2">
        <h2 id="d" className="text-lg font-semibold">
          政务失信名单（{dishonesty.length}）
        </h2>
        <DataTable
          headers={["失信主体", "类别", "失信情形", "文书号", "认定日期", "记录部门"]}
          empty={dishonesty.length === 0 && "目前没有未履行的政务失信记录。"}
        >
          {dishonesty.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">{subject(r)}</td>
              <td className="px-3 py-2">{GOV_DISHONESTY_LABELS[r.kind]}</td>
              <td className="px-3 py-2">
                {r.description}
                {r.amount && `（${Number(r.amount)} 万元）`}
              </td>
              <td className="px-3 py-2">{r.documentNo}</td>
              <td className="px-3 py-2 whitespace-nowrap">{r.decidedOn}</td>
              <td className="px-3 py-2">{r.dept}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="p" className="space-y-2">
        <h2 id="p" className="text-lg font-semibold">
          政务承诺（{promises.length}）
        </h2>
        <DataTable
          headers={["承诺主体", "承诺事项", "承诺对象", "承诺日期", "履约期限", "履约情况"]}
          empty={promises.length === 0 && "暂无政务承诺。"}
        >
          {promises.map((c) => (
            <tr key={c.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">{subject(c)}</td>
              <td className="px-3 py-2">{c.title}</td>
              <td className="px-3 py-2">{c.counterparty}</td>
              <td className="px-3 py-2 whitespace-nowrap">{c.madeOn}</td>
              <td className="px-3 py-2 whitespace-nowrap">{c.dueOn ?? "—"}</td>
              <td className="px-3 py-2">{govCommitmentStanding(c, day)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}

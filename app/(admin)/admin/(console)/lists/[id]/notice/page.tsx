import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDateZh } from "@/lib/web/format";
import { intParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getListDecision } from "@/server/queries/list-decisions";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "信用告知书" };

/** The 告知 of DOMAIN §5 as a document to print and serve: facts, basis, the right to be heard and its deadline. */
export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("operator", "reviewer", "supervisor");
  const n = intParam((await params).id);
  const d =
    n !== undefined
      ? await getListDecision({ viewer: { ...user, subjectId: null }, id: n, today: today() })
      : null;
  if (!d?.noticeDate || !d.statementDeadline) notFound();
  return (
    <article className="mx-auto max-w-3xl space-y-4 bg-white p-8 leading-loose text-slate-900 print:p-0">
      <p className="text-right text-sm print:hidden">
        <PrintButton />
      </p>
      <h1 className="text-center text-2xl font-bold tracking-widest">信用告知书</h1>
      <p className="text-center text-sm">（{d.caseNo}）</p>
      <p>
        {d.subject.name}
        {d.subject.uscc && `（统一社会信用代码：${d.subject.uscc}）`}：
      </p>
      <p className="indent-8">经查，你单位存在以下行为：{d.facts}</p>
      <p className="indent-8">
        依据{d.basis}，本机关拟将你单位列入“{d.list.name}”，有效期 {d.validityMonths}{" "}
        个月（自认定之日起计算）。
        {d.bannedField && `禁入领域：${d.bannedField}。`}
      </p>
      <p className="indent-8">
        根据《江西省社会信用条例》及国家有关规定，你单位享有陈述、申辩的权利。如有异议，请于{" "}
        <strong>{formatDateZh(d.statementDeadline)}</strong>{" "}
        前登录“信用江西”网站企业服务，提交书面陈述申辩意见及证明材料，或向本机关提交书面材料。逾期未提出的，视为放弃陈述、申辩的权利。
      </p>
      <p className="text-right">
        {d.dept}
        <br />
        {formatDateZh(d.noticeDate)}
      </p>
    </article>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SERVICE_METHOD_LABEL } from "@/lib/notify/service";
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
  if (!d?.noticeDate || !d.notice) notFound();
  const served = d.notice;
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
        根据《江西省社会信用条例》及国家有关规定，你单位享有陈述、申辩的权利。如有异议，请自本告知书送达之日起{" "}
        <strong>{d.statementDays} 个工作日内</strong>
        {d.statementDeadline && `（即 ${formatDateZh(d.statementDeadline)} 前）`}
        登录“信用江西”网站企业服务，提交书面陈述申辩意见及证明材料，或向本机关提交书面材料。逾期未提出的，视为放弃陈述、申辩的权利。
      </p>
      <p className="text-right">
        {d.dept}
        <br />
        {formatDateZh(d.noticeDate)}
      </p>
      {/* issue 22 §3: the service record, or the blanks of the 送达回证 for a paper service */}
      <section
        aria-labelledby="service-record"
        className="mt-8 border-t border-slate-400 pt-4 text-sm leading-relaxed"
      >
        <h2 id="service-record" className="mb-2 text-center font-bold tracking-widest">
          送达回证
        </h2>
        {served.servedOn ? (
          <p>
            本告知书已于 {formatDateZh(served.servedOn)}
            {served.method ? `以${SERVICE_METHOD_LABEL[served.method]}方式` : ""}送达。{served.note}
          </p>
        ) : (
          <dl className="grid grid-cols-[8em_1fr] gap-y-3">
            <dt>受送达人</dt>
            <dd>{d.subject.name}</dd>
            <dt>送达方式</dt>
            <dd>□ 直接送达　□ 邮寄送达　□ 留置送达</dd>
            <dt>受送达人签收</dt>
            <dd className="border-b border-slate-400">&nbsp;</dd>
            <dt>签收日期</dt>
            <dd>　　　年　　月　　日</dd>
            <dt>送达人</dt>
            <dd className="border-b border-slate-400">&nbsp;</dd>
          </dl>
        )}
      </section>
    </article>
  );
}

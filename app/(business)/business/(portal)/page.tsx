import type { Metadata } from "next";
import Link from "next/link";
import { GradeBadge } from "@/components/grade-badge";
import { ListSection, Section } from "@/components/section";
import { COMMITMENT_TYPE_LABELS } from "@/lib/records/labels";
import { formatTimeZh } from "@/lib/web/format";
import { LIST_KIND_LABELS } from "@/lib/web/navigation";
import { SELF_REPORT_CATEGORY_LABELS } from "@/lib/workflows/self-report";
import { requireBusiness } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getMyCredit, listCaseNotices, type RepairStanding } from "@/server/queries/business";
import { listNoticesFor } from "@/server/queries/list-decisions";

export const metadata: Metadata = { title: "我的信用" };

function Repair({ s, type, id }: { s: RepairStanding | null; type: string; id: number }) {
  if (!s) return null;
  if (s.kind === "repaired")
    return <span className="rounded bg-green-100 px-1.5 text-xs text-green-900">已修复（{s.on}）</span>;
  if (s.kind === "open")
    return (
      <Link href={`/business/repairs/${s.caseId}`} className="text-sm text-brand-700 underline">
        修复申请 {s.caseNo}：{s.state}
      </Link>
    );
  if (s.kind === "possible")
    return (
      <Link
        href={`/business/repairs/new?type=${type}&id=${id}`}
        className="rounded bg-brand-700 px-2 py-1 text-sm text-white"
      >
        申请信用修复
      </Link>
    );
  return <span className="text-xs text-slate-600">{s.reason}</span>;
}

export default async function MyCreditPage() {
  const user = await requireBusiness();
  const day = today();
  const [me, notices, listNotices] = await Promise.all([
    getMyCredit({ subjectId: user.subjectId, today: day }),
    listCaseNotices({ subjectId: user.subjectId }),
    listNoticesFor(user.subjectId),
  ]);
  if (!me) return <p>未找到本企业的主体信息，请联系属地监管部门。</p>;
  const breaches = me.commitments.filter((c) => c.state === "breached");
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3 rounded border border-slate-200 bg-white p-4">
        <div>
          <h1 className="text-2xl font-bold">{me.subject.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            统一社会信用代码 {me.subject.uscc} · {me.subject.region ?? ""} · 法定代表人{" "}
            {me.subject.legalRepresentative ?? "—"}
          </p>
          <p className="mt-1 text-sm">
            <Link href={`/subjects/${me.subject.uscc}`} className="text-brand-700 underline">
              查看公开的信用信息页
            </Link>
            <a href="/business/report.pdf" className="ml-4 text-brand-700 underline" download>
              下载本单位信用报告（自查版，含未公示信息）
            </a>
          </p>
        </div>
        {me.grade && (
          <div className="text-right">
            <GradeBadge grade={me.grade.grade} />
            <p className="mt-1 text-xs text-slate-600">公共信用评价 {me.grade.score} 分</p>
          </div>
        )}
      </div>

      {listNotices.length > 0 && (
        <section aria-labelledby="list-notices" className="rounded border border-amber-300 bg-amber-50 p-4">
          <h2 id="list-notices" className="font-bold text-amber-950">
            信用告知（{listNotices.length}）
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {listNotices.map((n) => (
              <li key={n.id}>
                <Link href={`/business/lists/${n.id}`} className="text-brand-700 underline">
                  拟列入“{n.listName}”（{n.caseNo}）
                </Link>
                <span className="ml-2 text-amber-950">
                  {n.statementOn
                    ? `已于 ${n.statementOn} 提交陈述申辩`
                    : n.statementDeadline
                      ? `陈述申辩期至 ${n.statementDeadline}`
                      : "待签收：签收后开始计算陈述申辩期"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Section id="notices" title="办件通知" count={notices.length} empty="暂无办件记录。">
        <ul className="divide-y divide-slate-100 text-sm">
          {notices.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: newest first, re-read on every visit
            <li key={i} className="flex flex-wrap gap-x-3 px-4 py-2">
              <span className="text-slate-600">{formatTimeZh(n.at)}</span>
              <Link href={n.href} className="text-brand-700 underline">
                {n.what}
              </Link>
              <span>
                <span className="font-medium">{n.to}</span>
                {n.note && <span className="text-slate-700">：{n.note}</span>}
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <ListSection id="penalties" title="行政处罚" items={me.penalties} empty="本企业没有行政处罚记录。">
        {(p) => (
          <>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{p.decisionNo}</span>
              <span className="text-slate-600">
                {p.decisionDate} · {p.dept}
              </span>
              <span
                className={`rounded px-1.5 text-xs ${p.severity === "serious" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}
              >
                {p.severity === "serious" ? "严重失信" : "一般失信"}
              </span>
              {!p.disclosable && (
                <span className="rounded bg-slate-200 px-1.5 text-xs">
                  不公开（按规定仅本企业和监管部门可见）
                </span>
              )}
              {p.disclosable && !p.isPublic && p.repair?.kind !== "repaired" && (
                <span className="rounded bg-slate-200 px-1.5 text-xs">已停止公示</span>
              )}
            </p>
            <p>
              {p.violationType}：{p.penaltyContent}
            </p>
            <p className="text-slate-600">
              公示截止 {p.publicUntil} · 可申请信用修复 自 {p.repairableFrom}
            </p>
            <Repair s={p.repair} type="penalty" id={p.id} />
          </>
        )}
      </ListSection>

      <ListSection id="breaches" title="违诺记录" items={breaches} empty="本企业没有违诺记录。">
        {(c) => (
          <>
            <p className="font-medium">
              违诺：{c.title}（{c.dept}，认定日期 {c.breachedOn}）
            </p>
            <p className="text-slate-600">
              公示截止 {c.breachPublicUntil} · 可申请信用修复 自 {c.breachRepairableFrom}
            </p>
            <Repair s={c.repair} type="commitment" id={c.id} />
          </>
        )}
      </ListSection>

      <ListSection id="lists" title="名单" items={me.lists} empty="本企业未被列入任何名单。">
        {(e) => (
          <>
            <p className="font-medium">
              {LIST_KIND_LABELS[e.kind]}：{e.list}
              {!e.current && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs">已移出或已届满</span>}
            </p>
            <p className="text-slate-600">
              认定单位 {e.dept} · 有效期 {e.validFrom ?? "—"} 至 {e.validUntil ?? "长期"}
              {e.repairableFrom && ` · 可申请信用修复 自 ${e.repairableFrom}`}
            </p>
            <Repair s={e.repair} type="list_entry" id={e.id} />
          </>
        )}
      </ListSection>

      <CaseList
        id="commitments"
        title="信用承诺"
        empty="本企业尚未作出信用承诺。"
        rows={me.commitments.map((c) => ({
          id: c.id,
          href: `/business/commitments/${c.id}`,
          name: c.title,
          detail: `${COMMITMENT_TYPE_LABELS[c.type]} · ${c.dept} · ${c.signedOn}`,
          state: c.stateLabel,
        }))}
      />
      <CaseList
        id="self-reports"
        title="自主申报"
        empty="本企业尚未自主申报信用信息。"
        rows={me.selfReports.map((r) => ({
          id: r.id,
          href: `/business/self-reports/${r.id}`,
          name: r.caseNo,
          detail: `${SELF_REPORT_CATEGORY_LABELS[r.category]}：${r.title} · ${r.dept} · ${r.submittedOn}`,
          state: r.stateLabel,
        }))}
      />
      <CaseList
        id="repairs"
        title="信用修复申请"
        empty="本企业没有信用修复申请。"
        rows={me.repairs.map((r) => ({
          id: r.id,
          href: `/business/repairs/${r.id}`,
          name: r.caseNo,
          detail: `提交于 ${r.submittedOn}`,
          state: r.stateLabel,
        }))}
      />
    </div>
  );
}

/** The company's cases of one kind: each links to its page with its history. */
function CaseList({
  id,
  title,
  empty,
  rows,
}: {
  id: string;
  title: string;
  empty: string;
  rows: { id: number; href: string; name: string; detail: string; state: string }[];
}) {
  return (
    <ListSection
      id={id}
      title={title}
      items={rows}
      empty={empty}
      itemClass="flex flex-wrap items-center gap-2 px-4 py-2 text-sm"
    >
      {(r) => (
        <>
          <Link href={r.href} className="text-brand-700 underline">
            {r.name}
          </Link>
          <span className="text-slate-600">{r.detail}</span>
          <span className="rounded bg-slate-100 px-1.5 text-xs">{r.state}</span>
        </>
      )}
    </ListSection>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListEntryView } from "@/components/list-entry-view";
import { PAPER_METHODS, SERVICE_METHOD_LABEL } from "@/lib/notify/service";
import { formatTimeZh } from "@/lib/web/format";
import { intParam } from "@/lib/web/query-string";
import { REMOVAL_REASON_CHOICES, REMOVAL_REASONS } from "@/lib/workflows/list-decision";
import { auditDenied, requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getListDecision } from "@/server/queries/list-decisions";
import { ListDecideForm } from "./decide-form";
import { ServiceForm } from "./service-form";

export const metadata: Metadata = { title: "名单认定详情" };

export default async function ListDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("operator", "reviewer", "supervisor");
  const { id } = await params;
  const n = intParam(id);
  const d =
    n !== undefined
      ? await getListDecision({ viewer: { ...user, subjectId: null }, id: n, today: today() })
      : null;
  if (!d) {
    await auditDenied(user, "查看管辖范围外的名单认定", { type: "list_entry", id: String(id).slice(0, 32) });
    notFound();
  }
  // the machine's verdict for this user: the steps allowed now, or why none is (审录分离, 陈述申辩期, …)
  const allowed = d.events.filter((e) => e.refused === null);
  const refusals = [...new Set(d.events.map((e) => e.refused).filter((r) => r !== null))];
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/admin/lists" className="text-sm text-brand-700 underline">
        ← 返回名单认定
      </Link>
      <ListEntryView entry={d} factsTitle="失信行为 / 守信事实" statementTitle="当事人陈述申辩" />
      {d.noticeDate && (
        <p className="text-sm">
          <Link href={`/admin/lists/${d.id}/notice`} className="text-brand-700 underline">
            打印信用告知书
          </Link>
        </p>
      )}
      {d.notice && (
        <section aria-labelledby="service" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="service" className="mb-2 text-lg font-semibold">
            告知书送达
          </h2>
          {d.notice.servedOn ? (
            <p className="text-sm">
              已于 {d.notice.servedOn} 送达
              {d.notice.method && `（${SERVICE_METHOD_LABEL[d.notice.method]}）`}
              {d.notice.servedAt && `，记录时间 ${formatTimeZh(d.notice.servedAt)}`}。{d.notice.note}
            </p>
          ) : (
            <>
              <p className="text-sm font-bold text-red-800">
                未送达：陈述申辩期自送达之日起计算，送达前不能作出认定。
              </p>
              <p className="mt-1 text-sm text-slate-700">
                企业在企业服务中签收告知书，或告知书经已核验的电子邮件、短信送达后，系统自动记录送达；无企业账号的，请打印告知书，直接送达、邮寄或留置送达后在此登记。
              </p>
              {d.state === "notified" &&
                user.departmentId === d.deptId &&
                user.roles.some((r) => r === "operator" || r === "reviewer") && (
                  <div className="mt-3">
                    <ServiceForm
                      id={d.id}
                      today={today()}
                      methods={PAPER_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABEL[m] }))}
                    />
                  </div>
                )}
            </>
          )}
        </section>
      )}
      {d.suggestRemoval && (
        <p role="note" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          建议移出：该主体现有公示中的严重失信行政处罚或失信类名单记录，已不符合红名单条件。
        </p>
      )}
      {d.events.length > 0 && (
        <section aria-labelledby="decide" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="decide" className="mb-2 text-lg font-semibold">
            {d.state === "published" ? "移出名单" : "认定"}
          </h2>
          {allowed.length > 0 ? (
            <ListDecideForm
              id={d.id}
              state={d.state}
              subjectName={d.subject.name}
              events={allowed}
              removalReasons={REMOVAL_REASONS.map((r) => ({ value: r, label: REMOVAL_REASON_CHOICES[r] }))}
            />
          ) : null}
          {refusals.map((r) => (
            <p key={r} className="mt-2 text-sm text-amber-900">
              {r}
            </p>
          ))}
        </section>
      )}
    </div>
  );
}

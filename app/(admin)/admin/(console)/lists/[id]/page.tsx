import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListEntryView } from "@/components/list-entry-view";
import { mayRecordService } from "@/lib/notify/service";
import { intParam } from "@/lib/web/query-string";
import { REMOVAL_REASON_CHOICES, REMOVAL_REASONS } from "@/lib/workflows/list-decision";
import { auditDenied, requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getListDecision } from "@/server/queries/list-decisions";
import { NoticeService } from "../../_service/notice-service";
import { ListDecideForm } from "./decide-form";

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
        <NoticeService
          title="告知书送达"
          notice={d.notice}
          unserved="陈述申辩期自送达之日起计算，送达前不能作出认定。"
          caseType="list_entry"
          caseId={d.id}
          canRecord={d.state === "notified" && mayRecordService(user, d.deptId)}
          today={today()}
        />
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

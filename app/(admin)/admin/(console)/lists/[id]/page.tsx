import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListEntryView } from "@/components/list-entry-view";
import { intParam } from "@/lib/web/query-string";
import { auditDenied, requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getListDecision } from "@/server/queries/list-decisions";
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
  const reviewerHere = user.roles.includes("reviewer") && user.departmentId === d.deptId;
  const proposedHere = d.createdBy !== null && d.createdBy === user.id;
  const open = d.state === "case_opened" || d.state === "notified";
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
      {d.suggestRemoval && (
        <p role="note" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          建议移出：该主体现有公示中的严重失信行政处罚或失信类名单记录，已不符合红名单条件。
        </p>
      )}
      {(open || d.state === "published") && (
        <section aria-labelledby="decide" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="decide" className="mb-2 text-lg font-semibold">
            {open ? "认定" : "移出名单"}
          </h2>
          {!reviewerHere ? (
            <p className="text-sm text-slate-600">仅认定部门的审核员可以办理此事项。</p>
          ) : open && proposedHere ? (
            <p className="text-sm text-amber-900">
              该建议由您提出：按“审录分离”，须由本部门其他审核员作出认定。
            </p>
          ) : (
            <>
              {open && d.due && !d.due.overdue && !d.statement && (
                <p className="mb-2 text-sm text-amber-900">
                  陈述申辩期至 {d.statementDeadline}
                  ，期满前当事人未陈述申辩的，不能认定并公布（可不予认定）。
                </p>
              )}
              <ListDecideForm id={d.id} state={d.state} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseView } from "@/components/case-view";
import { mayRecordService } from "@/lib/notify/service";
import { intParam } from "@/lib/web/query-string";
import { CASE_KIND, caseKindOf } from "@/lib/workflows/kinds";
import { auditDenied, requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getCaseDetail } from "@/server/queries/case-detail";
import { NoticeService } from "../../../_service/notice-service";
import { DecideForm } from "./decide-form";

export const metadata: Metadata = { title: "办件详情" };

const TARGET_HREF: Record<string, (id: number) => string> = {
  penalty: (id) => `/admin/records/penalty/${id}`,
  licence: (id) => `/admin/records/licence/${id}`,
  list_entry: (id) => `/admin/lists/${id}`,
  commitment: (id) => `/admin/cases/commitments/${id}`,
};

export default async function CasePage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const user = await requireRole("reviewer", "supervisor");
  const { kind: segment, id } = await params;
  const kind = caseKindOf(segment);
  const n = intParam(id);
  const c =
    kind && n !== undefined ? await getCaseDetail({ viewer: user, kind, id: n, today: today() }) : null;
  if (!kind || !c) {
    if (kind) await auditDenied(user, "查看管辖范围外的办件", { type: kind, id: String(id).slice(0, 32) });
    notFound();
  }
  const spec = CASE_KIND[kind];
  // the machine's verdict for this reviewer: the steps allowed now, or why none is
  const allowed = c.events.filter((e) => e.refused === null);
  const refusals = [...new Set(c.events.map((e) => e.refused).filter((r) => r !== null))];
  const targetHref = c.target ? TARGET_HREF[c.target.type]?.(c.target.id) : undefined;
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/admin/cases/${kind}`} className="text-sm text-brand-700 underline">
        ← 返回{spec.title}办件
      </Link>
      <CaseView
        {...c}
        textTitle={spec.textTitle.console}
        subjectLabel={CASE_KIND[kind].filer.by === "public" ? "信用主体" : undefined}
        fileHref={(f) => `/case-files/${f}`}
      />
      {targetHref && spec.targetLink && (
        <p className="text-sm">
          <Link href={targetHref} className="text-brand-700 underline">
            {spec.targetLink}
          </Link>
        </p>
      )}
      {c.notice && (kind === "repairs" || kind === "objections") && (
        <NoticeService
          title={kind === "repairs" ? "信用修复决定送达" : "异议处理结果送达"}
          notice={c.notice}
          unserved={
            kind === "repairs"
              ? "决定尚未送达申请人。"
              : "处理结果尚未送达异议人（其联系方式无法接收短信或邮件时，请书面送达）。"
          }
          caseType={kind}
          caseId={c.id}
          canRecord={mayRecordService(user, c.deptId)}
          today={today()}
        />
      )}
      {c.events.length > 0 && (
        <section aria-labelledby="decide" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="decide" className="mb-2 text-lg font-semibold">
            办理
          </h2>
          {allowed.length > 0 ? (
            <DecideForm
              kind={kind}
              id={c.id}
              state={c.state}
              subjectName={c.subject.name}
              events={allowed}
              correctable={c.state === "verifying" ? c.correctable : undefined}
            />
          ) : (
            refusals.map((r) => (
              <p key={r} className="text-sm text-amber-900">
                {r}
              </p>
            ))
          )}
        </section>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseView } from "@/components/case-view";
import { intParam } from "@/lib/web/query-string";
import { auditDenied, requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getCaseDetail } from "@/server/queries/case-detail";
import { CASE_KINDS } from "@/server/queries/cases";
import { QUEUE } from "../../kinds";
import { DecideForm } from "./decide-form";

export const metadata: Metadata = { title: "办件详情" };

const TEXT_TITLE = {
  repairs: "信用修复申请书",
  commitments: "承诺书正文",
  "self-reports": "申报内容",
  objections: "异议理由",
} as const;
const TARGET_HREF: Record<string, (id: number) => string> = {
  penalty: (id) => `/admin/records/penalty/${id}`,
  licence: (id) => `/admin/records/licence/${id}`,
  commitment: (id) => `/admin/cases/commitments/${id}`,
};

export default async function CasePage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const user = await requireRole("reviewer", "supervisor");
  const { kind: segment, id } = await params;
  const kind = CASE_KINDS.find((k) => k === segment);
  const n = intParam(id);
  const c =
    kind && n !== undefined ? await getCaseDetail({ viewer: user, kind, id: n, today: today() }) : null;
  if (!kind || !c) {
    if (kind) await auditDenied(user, "查看管辖范围外的办件", { type: kind, id: String(id).slice(0, 32) });
    notFound();
  }
  const events = QUEUE[kind].events.filter((e) => e.from === c.state);
  const mayDecide = user.roles.includes("reviewer") && user.departmentId === c.deptId;
  const entered = c.recordEnteredBy !== null && c.recordEnteredBy === user.id;
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/admin/cases/${kind}`} className="text-sm text-brand-700 underline">
        ← 返回{QUEUE[kind].title}办件
      </Link>
      <CaseView
        {...c}
        textTitle={TEXT_TITLE[kind]}
        subjectLabel={kind === "objections" ? "信用主体" : undefined}
        fileHref={(f) => `/case-files/${f}`}
      />
      {c.target && TARGET_HREF[c.target.type] && (
        <p className="text-sm">
          <Link href={TARGET_HREF[c.target.type]?.(c.target.id) ?? "#"} className="text-brand-700 underline">
            {kind === "objections" ? "查看被提出异议的记录" : "查看申请修复的记录"}
          </Link>
        </p>
      )}
      {!c.final && events.length > 0 && (
        <section aria-labelledby="decide" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="decide" className="mb-2 text-lg font-semibold">
            办理
          </h2>
          {!mayDecide ? (
            <p className="text-sm text-slate-600">仅办理部门的审核员可以办理此事项。</p>
          ) : entered ? (
            <p className="text-sm text-amber-900">
              该记录由您录入：按“审录分离”，须由本部门其他审核员办理
              {kind === "objections" ? "此异议" : "此修复申请"}。
            </p>
          ) : (
            <DecideForm
              kind={kind}
              id={c.id}
              state={c.state}
              events={events.map(({ event, label, note }) => ({ event, label, note }))}
              correctable={c.state === "verifying" ? c.correctable : undefined}
            />
          )}
        </section>
      )}
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseView } from "@/components/case-view";
import { intParam } from "@/lib/web/query-string";
import { auditDenied, type CurrentUser } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getCaseDetail } from "@/server/queries/case-detail";
import type { CaseKind } from "@/server/queries/cases";

/** an objection is the objector's, not the company's: a business never opens one here */
type BusinessKind = Exclude<CaseKind, "objections">;

const TEXT_TITLE: Record<BusinessKind, string> = {
  repairs: "信用修复申请书",
  commitments: "承诺书正文（签署时的版本）",
  "self-reports": "申报内容",
};

/**
 * A case as its applicant follows it; another company's case is refused (audited) and answered as 404. The page
 * passes the user its own guard returned.
 */
export async function BusinessCasePage({
  kind,
  user,
  params,
}: {
  kind: BusinessKind;
  user: CurrentUser & { subjectId: number };
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const n = intParam(id);
  const c = n !== undefined ? await getCaseDetail({ viewer: user, kind, id: n, today: today() }) : null;
  if (!c) {
    await auditDenied(user, "查看非本企业的办件", { type: kind, id: String(id).slice(0, 32) });
    notFound();
  }
  return (
    <div className="space-y-4">
      <Link href="/business" className="text-sm text-brand-700 underline">
        ← 返回我的信用
      </Link>
      <CaseView {...c} textTitle={TEXT_TITLE[kind]} fileHref={(f) => `/case-files/${f}`} />
    </div>
  );
}

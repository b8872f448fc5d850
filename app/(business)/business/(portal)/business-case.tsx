import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseView } from "@/components/case-view";
import { intParam } from "@/lib/web/query-string";
import { CASE_KIND, type CaseKind } from "@/lib/workflows/kinds";
import { type RepairState, repairRefusalNote } from "@/lib/workflows/repair";
import { auditDenied, type CurrentUser } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getCaseDetail } from "@/server/queries/case-detail";
import { getPolicy } from "@/server/settings";

/** the kinds a company files itself (a case anyone files is never opened here: getCaseDetail) */
type BusinessKind = CaseKind;

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
  const again =
    kind === "repairs"
      ? repairRefusalNote(c.state as RepairState, (await getPolicy()).repairRetryMonths)
      : null;
  return (
    <div className="space-y-4">
      <Link href="/business" className="text-sm text-brand-700 underline">
        ← 返回我的信用
      </Link>
      <CaseView {...c} textTitle={CASE_KIND[kind].textTitle.portal} fileHref={(f) => `/case-files/${f}`} />
      {again && (
        <p
          role="note"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          {again}
        </p>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { listKindLabel } from "@/lib/records/list-kinds";
import { checkUscc, normalizeUscc } from "@/lib/subjects/uscc";
import { firstParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { getCreditLists } from "@/server/queries/list-decisions";
import { getPolicy } from "@/server/settings";
import { ProposalForm } from "./proposal-form";

export const metadata: Metadata = { title: "提出列入名单建议" };

export default async function NewProposalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole("operator");
  const [lists, policy] = await Promise.all([getCreditLists({ forDeptId: user.departmentId }), getPolicy()]);
  const typed = normalizeUscc(firstParam((await searchParams).uscc) ?? "");
  const uscc = checkUscc(typed).valid ? typed : undefined;
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/admin/lists" className="text-sm text-brand-700 underline">
        ← 返回名单认定
      </Link>
      <h1 className="text-2xl font-bold">提出列入名单建议</h1>
      {lists.length === 0 && (
        <p
          role="status"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          本部门不是任何名单的认定单位，不能提出列入建议。如本部门依法负责某一名单的认定，请联系系统管理员登记。
        </p>
      )}
      <ProposalForm
        uscc={uscc}
        statementDays={policy.statementPeriodWorkingDays}
        lists={lists.map((l) => ({
          id: l.id,
          name: l.name,
          kindLabel: listKindLabel(l.kind),
          months: policy.listValidityMonths[l.kind],
        }))}
      />
    </div>
  );
}

import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { nameReviewMachine } from "@/lib/workflows/name-review";
import { requireRole } from "@/server/auth/guard";
import { listNameReviews } from "@/server/queries/name-reviews";
import { DecideButtons } from "./decide-buttons";

export const metadata: Metadata = { title: "名称核对" };

export default async function NameReviewsPage() {
  const user = await requireRole("operator", "reviewer");
  const rows = await listNameReviews({ actor: user });
  const canDecide = user.roles.includes("reviewer");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">主体名称核对</h1>
      <p className="text-sm text-slate-600">
        记录中的统一社会信用代码已登记、但名称不同时，主体不会被自动改名，而是列在这里，由本部门的审核员核对后决定。
      </p>
      <DataTable
        headers={["统一社会信用代码", "现名称", "记录中的名称", "来源", "状态"]}
        empty={rows.length === 0 && "没有待核对的名称。"}
      >
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2 font-mono">{r.uscc}</td>
            <td className="px-3 py-2">{r.currentName}</td>
            <td className="px-3 py-2">{r.proposedName}</td>
            <td className="px-3 py-2">{r.source}</td>
            <td className="px-3 py-2">
              {canDecide && !nameReviewMachine.final.includes(r.status) ? (
                <DecideButtons id={r.id} />
              ) : (
                nameReviewMachine.labels[r.status]
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

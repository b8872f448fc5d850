import type { Metadata } from "next";
import { requireRole } from "@/server/auth/guard";
import { listNameReviews } from "@/server/queries/name-reviews";
import { DecideButtons } from "./decide-buttons";

export const metadata: Metadata = { title: "名称核对" };

const STATUS = { pending: "待核对", renamed: "已更名", kept: "保留原名" } as const;

export default async function NameReviewsPage() {
  const user = await requireRole("operator", "reviewer");
  const rows = await listNameReviews();
  const canDecide = user.roles.includes("reviewer");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">主体名称核对</h1>
      <p className="text-sm text-slate-600">
        记录中的统一社会信用代码已登记、但名称不同时，主体不会被自动改名，而是列在这里，由审核员核对后决定。
      </p>
      <div className="overflow-x-auto rounded bg-white shadow">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2">统一社会信用代码</th>
              <th className="px-3 py-2">现名称</th>
              <th className="px-3 py-2">记录中的名称</th>
              <th className="px-3 py-2">来源</th>
              <th className="px-3 py-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 font-mono">{r.uscc}</td>
                <td className="px-3 py-2">{r.currentName}</td>
                <td className="px-3 py-2">{r.proposedName}</td>
                <td className="px-3 py-2">{r.source}</td>
                <td className="px-3 py-2">
                  {r.status === "pending" && canDecide ? <DecideButtons id={r.id} /> : STATUS[r.status]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-slate-600">没有待核对的名称。</p>}
      </div>
    </div>
  );
}

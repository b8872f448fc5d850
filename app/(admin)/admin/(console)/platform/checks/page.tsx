import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, StateField, StateSelect } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";
import { MATTER_KEYS, MATTERS } from "@/lib/platform/measures";
import { pageParam } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listChecks } from "@/server/queries/joint-checks";
import { runCheckAction } from "../actions";

export const metadata: Metadata = { title: "联合奖惩核查" };

type Props = { searchParams: Promise<{ page?: string }> };

/** Issue 23 §1: a department's officers check a subject before granting a matter, and follow up with feedback. */
export default async function ChecksPage({ searchParams }: Props) {
  const user = await requireRole("operator", "reviewer", "supervisor");
  const page = pageParam((await searchParams).page);
  const { rows, pageCount } = await listChecks({ deptId: user.departmentId, page });
  const day = today();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">联合奖惩核查</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        在办理行政许可、安排财政资金、政府采购、招标投标、评优评先等事项前，输入主体的统一社会信用代码和事项，
        系统按措施清单返回应当实施的激励或惩戒措施（名单中异议核实中的条目不计）。实施后请在 10
        个工作日内反馈执行情况。 有业务系统的部门可调用 <code>POST /api/v1/checks</code>。
      </p>
      <ActionForm
        action={runCheckAction}
        submit="核查"
        noValidate
        className="grid gap-4 rounded bg-white p-4 shadow sm:grid-cols-[2fr_1fr_auto] sm:items-end"
      >
        <StateField label="统一社会信用代码" name="uscc" required autoComplete="off" />
        <StateSelect
          label="核查事项"
          name="matter"
          options={MATTER_KEYS.map((k) => ({ value: k, label: MATTERS[k] }))}
          emptyLabel="请选择"
        />
      </ActionForm>
      <h2 className="text-lg font-semibold">本部门的核查记录</h2>
      <DataTable
        headers={["核查编号", "主体", "事项", "命中措施", "核查日期", "成效反馈"]}
        empty={rows.length === 0 && "本部门尚无核查记录。"}
      >
        {rows.map((c) => (
          <tr key={c.id} className="border-t border-slate-100">
            <td className="px-3 py-2 font-mono">
              <Link className="text-brand-700 underline" href={`/admin/platform/checks/${c.id}`}>
                {c.checkNo}
              </Link>
            </td>
            <td className="px-3 py-2">{c.subject}</td>
            <td className="px-3 py-2">{MATTERS[c.matter]}</td>
            <td className="px-3 py-2">{c.hitCount === 0 ? "无" : `${c.hitCount} 项`}</td>
            <td className="px-3 py-2">{c.checkedOn}</td>
            <td className="px-3 py-2">
              {c.hitCount === 0 ? (
                "无需反馈"
              ) : c.feedbackAt ? (
                "已反馈"
              ) : c.feedbackDueOn < day ? (
                <span className="font-semibold text-red-800">逾期未反馈（{c.feedbackDueOn} 前）</span>
              ) : (
                `待反馈（${c.feedbackDueOn} 前）`
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={page} pageCount={pageCount} href={(p) => `/admin/platform/checks?page=${p}`} />
    </div>
  );
}

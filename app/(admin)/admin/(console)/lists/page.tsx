import type { Metadata } from "next";
import Link from "next/link";
import { DueBadge } from "@/components/case-view";
import { DataTable, SubjectCell } from "@/components/data-table";
import { FilterForm, SelectField } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { firstParam, intParam, pageParam, queryString } from "@/lib/web/query-string";
import { listDecisionMachine } from "@/lib/workflows/list-decision";
import { requireRole } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { getCreditLists, listDecisionQueue } from "@/server/queries/list-decisions";

export const metadata: Metadata = { title: "名单认定" };

type SP = Record<string, string | string[] | undefined>;

const STATES = [
  ...Object.entries(listDecisionMachine.labels).map(([value, label]) => ({ value, label })),
  { value: "suggest_removal", label: "红名单建议移出" },
];

/** Issue 14 §2: every proposal and listing of the actor's scope, open ones first by their defence deadline. */
export default async function ListDecisionsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requireRole("operator", "reviewer", "supervisor");
  const sp = await searchParams;
  const state = STATES.find((s) => s.value === firstParam(sp.state))?.value;
  const listId = intParam(sp.list);
  const page = pageParam(sp.page);
  const day = today();
  const [{ rows, total }, lists] = await Promise.all([
    listDecisionQueue({ actor: user, filters: { state, listId, page }, today: day }),
    getCreditLists(),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">名单认定</h1>
        {user.roles.includes("operator") && (
          <Link href="/admin/lists/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            提出列入建议
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-600">
        严重失信主体名单、重点关注对象名单和市场禁入：录入员提出建议并告知当事人 →
        陈述申辩期满或当事人已陈述申辩后， 由本部门其他审核员认定并公布或不予认定 →
        有效期届满自动停止公示，修复或撤销的提前移出。红名单无告知环节。
      </p>
      <FilterForm action="/admin/lists" columns="lg:grid-cols-[1fr_1fr_auto]" errors={[]}>
        <SelectField label="状态" name="state" value={state} options={STATES} />
        <SelectField
          label="名单"
          name="list"
          value={listId}
          options={lists.map((l) => ({ value: String(l.id), label: l.name }))}
        />
      </FilterForm>
      <p className="text-sm text-slate-600">共 {total} 件</p>
      <DataTable
        headers={["案号", "信用主体", "名单", "认定部门", "状态", "期限 / 有效期"]}
        empty={rows.length === 0 && "没有符合条件的事项。"}
      >
        {rows.map((r) => (
          <tr key={r.id} className={`border-t border-slate-100 ${r.due?.overdue ? "bg-amber-50" : ""}`}>
            <td className="px-3 py-2">
              <Link href={`/admin/lists/${r.id}`} className="text-brand-700 underline">
                {r.caseNo}
              </Link>
            </td>
            <SubjectCell name={r.subjectName} uscc={r.uscc} />
            <td className="px-3 py-2">{r.listName}</td>
            <td className="px-3 py-2">{r.dept}</td>
            <td className="px-3 py-2">
              {r.state === "published" && r.validUntil !== null && r.validUntil < day
                ? "有效期届满，已停止公示"
                : (listDecisionMachine.labels[r.state] ?? r.state)}
              {r.state === "notified" && r.servedOn === "unserved" && (
                <span className="block text-xs font-bold text-red-700">未送达</span>
              )}
              {r.state === "notified" && r.servedOn && r.servedOn !== "unserved" && (
                <span className="block text-xs text-slate-600">已送达 {r.servedOn}</span>
              )}
              {r.statement && <span className="block text-xs text-slate-600">已陈述申辩</span>}
              {r.suggestRemoval && <span className="block text-xs font-bold text-red-700">建议移出</span>}
            </td>
            <td className="px-3 py-2 text-sm">
              {r.state === "notified" && r.servedOn === "unserved" ? (
                "送达后起算"
              ) : r.state === "notified" && r.due ? (
                r.due.overdue ? (
                  <span className="text-amber-900">陈述申辩期已满（{r.due.due}），待认定</span>
                ) : (
                  <DueBadge due={r.due} />
                )
              ) : r.validUntil ? (
                `至 ${r.validUntil}`
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / 20)}
        href={(p) => `/admin/lists${queryString({ state, list: listId, page: p })}`}
      />
    </div>
  );
}

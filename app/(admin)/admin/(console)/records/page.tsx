import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { FilterForm, SelectField, TextField } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { RECORD_READERS } from "@/lib/access/roles";
import { RECORD_KIND_LABEL, RECORD_STATUS_LABEL } from "@/lib/records/record-fields";
import { SEVERITY_LABELS } from "@/lib/records/record-input";
import { firstParam, pageParam, queryString } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { ADMIN_PAGE_SIZE, listAdminRecords } from "@/server/queries/admin-records";
import { KINDS, parseKind } from "./kinds";

export const metadata: Metadata = { title: "信用记录" };

export default async function RecordsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireRole(...RECORD_READERS);
  const sp = await searchParams;
  const kind = parseKind(firstParam(sp.type)) ?? "penalty";
  const status = (["active", "withdrawn", "repaired"] as const).find((s) => s === firstParam(sp.status));
  const q = firstParam(sp.q)?.trim().slice(0, 50) || undefined;
  const page = pageParam(sp.page);
  const { rows, total } = await listAdminRecords({ actor: user, kind, q, status, page });
  const canWrite = user.roles.includes("operator");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">信用记录</h1>
        {canWrite && (
          <Link
            href={`/admin/records/new?type=${kind}`}
            className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
          >
            新增{RECORD_KIND_LABEL[kind]}
          </Link>
        )}
      </div>
      <nav aria-label="记录类型" className="flex gap-1 border-b border-slate-300">
        {KINDS.map((k) => (
          <Link
            key={k}
            href={`/admin/records?type=${k}`}
            aria-current={k === kind ? "page" : undefined}
            className={`px-4 py-2 ${k === kind ? "border-b-2 border-brand-700 font-bold text-brand-800" : "text-slate-600"}`}
          >
            {RECORD_KIND_LABEL[k]}
          </Link>
        ))}
      </nav>
      <FilterForm action="/admin/records" columns="lg:grid-cols-[2fr_1fr_auto]" errors={[]}>
        <input type="hidden" name="type" value={kind} />
        <TextField label="文号或相对人名称" name="q" value={q} />
        <SelectField
          label="状态"
          name="status"
          value={status}
          options={Object.entries(RECORD_STATUS_LABEL).map(([value, label]) => ({ value, label }))}
        />
      </FilterForm>
      <p className="text-sm text-slate-600">
        共 {total.toLocaleString("en-US")} 条（仅显示您管辖范围内的记录）
      </p>
      <DataTable
        headers={[
          "文号",
          "行政相对人",
          "决定日期",
          ...(kind === "penalty" ? ["严重程度", "公示截止"] : []),
          "来源单位",
          "状态",
        ]}
        empty={rows.length === 0 && "没有符合条件的记录。"}
      >
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/admin/records/${kind}/${r.id}`} className="text-brand-700 underline">
                {r.decisionNo}
              </Link>
            </td>
            <td className="px-3 py-2">{r.counterpartName}</td>
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.decisionDate}</td>
            {kind === "penalty" && (
              <td className="px-3 py-2">{r.severity ? SEVERITY_LABELS[r.severity] : ""}</td>
            )}
            {kind === "penalty" && (
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.publicUntil}</td>
            )}
            <td className="px-3 py-2">{r.department}</td>
            <td className="px-3 py-2">{RECORD_STATUS_LABEL[r.status]}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={page}
        pageCount={Math.ceil(total / ADMIN_PAGE_SIZE)}
        href={(p) => `/admin/records${queryString({ type: kind, q, status, page: p })}`}
      />
    </div>
  );
}

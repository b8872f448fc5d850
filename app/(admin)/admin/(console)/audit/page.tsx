import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { DateField, FilterForm, SelectField, TextField } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { AUDIT_OUTCOME_LABEL, auditActionLabel } from "@/lib/access/audit-labels";
import { chinaIso, isIsoDate } from "@/lib/calendar/dates";
import { formatTimeZh } from "@/lib/web/format";
import { firstParam, pageParam, queryString } from "@/lib/web/query-string";
import { requireRole } from "@/server/auth/guard";
import { config } from "@/server/config";
import { AUDIT_PAGE_SIZE, auditActions, auditChainStatus, listAudit } from "@/server/queries/audit";

export const metadata: Metadata = { title: "审计日志" };

const OUTCOMES = ["success", "failure", "denied"] as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requireRole("auditor");
  const sp = await searchParams;
  const date = (v: string | undefined) => (v && isIsoDate(v) ? v : undefined);
  const outcome = OUTCOMES.find((o) => o === firstParam(sp.outcome));
  const filter = {
    action: firstParam(sp.action) || undefined,
    actor: firstParam(sp.actor)?.slice(0, 64) || undefined,
    outcome,
    from: date(firstParam(sp.from)),
    to: date(firstParam(sp.to)),
    page: pageParam(sp.page),
  };
  const [{ rows, total }, chain, actions] = await Promise.all([
    listAudit(filter),
    auditChainStatus(),
    auditActions(),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">审计日志</h1>
      {chain.intact ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          哈希链完整：已校验全部 {chain.rows.toLocaleString("en-US")} 条记录，与{" "}
          {chain.checkpoints.toLocaleString("en-US")} 个检查点一致，未发现篡改。
        </p>
      ) : (
        <p
          role="alert"
          className="rounded border border-red-400 bg-red-50 px-3 py-2 font-medium text-red-900"
        >
          哈希链断裂：第一条异常记录编号 {chain.brokenId}（{chain.reason}
          ）。该记录或其之前的记录可能被直接修改过数据库，请立即上报。
        </p>
      )}
      <p className="text-sm text-slate-600">
        日志只增不改：任何角色都不能在系统中修改或删除日志；命令行 <code>npm run audit:verify</code>{" "}
        可独立校验。哈希链以数据库之外的密钥计算，链头定期写入数据库之外的检查点文件。
      </p>
      {config().auditKeyIsDemo && (
        <p
          role="note"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          未设置
          AUDIT_KEY：哈希链使用公开的演示密钥，能直接改写数据库的人可以重算哈希链，只有检查点还能发现改动。正式部署必须设置
          AUDIT_KEY。
        </p>
      )}
      {chain.latest && (
        <section
          aria-labelledby="checkpoint"
          className="rounded border border-slate-200 bg-white px-3 py-2 text-sm"
        >
          <h2 id="checkpoint" className="font-medium">
            最新检查点（请定期抄录到本系统之外保存）
          </h2>
          <p className="mt-1 break-all font-mono text-xs" data-testid="audit-checkpoint">
            {chinaIso(new Date(chain.latest.at))} · 第 {chain.latest.lastId} 行 · 共 {chain.latest.rows} 行 ·{" "}
            {chain.latest.hash}
          </p>
        </section>
      )}
      <FilterForm action="/admin/audit" columns="lg:grid-cols-[1.5fr_1fr_1fr_1fr_1fr_auto]" errors={[]}>
        <SelectField
          label="操作"
          name="action"
          value={filter.action}
          options={actions.map((a) => ({ value: a, label: auditActionLabel(a) }))}
        />
        <TextField label="操作人" name="actor" value={filter.actor} />
        <SelectField
          label="结果"
          name="outcome"
          value={outcome}
          options={OUTCOMES.map((o) => ({ value: o, label: AUDIT_OUTCOME_LABEL[o] }))}
        />
        <DateField label="起始日期" name="from" value={filter.from} />
        <DateField label="截止日期" name="to" value={filter.to} />
      </FilterForm>
      <p className="text-sm text-slate-600">共 {total.toLocaleString("en-US")} 条</p>
      <DataTable headers={["编号", "时间", "操作人", "操作", "对象", "结果", "IP", "内容"]} empty={false}>
        {rows.map((r) => (
          <tr
            key={r.id}
            className={`border-t border-slate-100 align-top ${!chain.intact && r.id === chain.brokenId ? "bg-red-50" : ""}`}
          >
            <td className="px-3 py-2 tabular-nums">{r.id}</td>
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatTimeZh(r.at, "seconds")}</td>
            <td className="px-3 py-2">{r.actorName ?? "—"}</td>
            <td className="px-3 py-2">{auditActionLabel(r.action)}</td>
            <td className="px-3 py-2">{r.object ?? "—"}</td>
            <td className="px-3 py-2">{AUDIT_OUTCOME_LABEL[r.outcome]}</td>
            <td className="px-3 py-2">{r.ip ?? "—"}</td>
            <td className="max-w-md px-3 py-2">
              {(r.before != null || r.after != null) && (
                <details>
                  <summary className="cursor-pointer text-brand-700">变更前后</summary>
                  <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all text-xs">
                    {r.before != null && `变更前：${JSON.stringify(r.before, null, 1)}\n`}
                    {r.after != null && `变更后：${JSON.stringify(r.after, null, 1)}`}
                  </pre>
                </details>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={filter.page}
        pageCount={Math.ceil(total / AUDIT_PAGE_SIZE)}
        href={(page) => `/admin/audit${queryString({ ...filter, page })}`}
      />
    </div>
  );
}

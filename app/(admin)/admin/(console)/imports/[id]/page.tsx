import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { intParam } from "@/lib/web/query-string";
import { importJobMachine, isImportJobFinished } from "@/lib/workflows/import-job";
import { auditDenied, requireRole } from "@/server/auth/guard";
import { getImportJob, importErrorPage, importStatus } from "@/server/queries/imports";
import { KIND_LABEL, MODE_LABEL } from "../labels";
import { ImportProgress } from "./progress";

export const metadata: Metadata = { title: "导入任务" };

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("operator");
  const id = intParam((await params).id);
  const job = await getImportJob({ id, actor: user });
  if (!job) {
    await auditDenied(user, "导入任务不存在或不属于本单位", { type: "import", id: String(id) });
    notFound();
  }
  const finished = isImportJobFinished(job.state);
  const errors = finished ? await importErrorPage({ jobId: job.id, limit: 200 }) : [];
  return (
    <div className="space-y-4">
      <Link href="/admin/imports" className="text-sm text-brand-700 underline">
        ← 批量导入
      </Link>
      <h1 className="text-2xl font-bold">
        导入任务 #{job.id}{" "}
        <span className="text-base font-normal text-slate-600">{importJobMachine.labels[job.state]}</span>
      </h1>
      <p className="text-sm text-slate-600">
        {job.fileName}（{(job.fileSize / 1024).toFixed(0)} KB，{job.format.toUpperCase()}
        {job.encoding !== "utf-8" && job.format === "csv" ? "，已按 GBK/GB18030 编码读取" : ""}）·{" "}
        {KIND_LABEL[job.kind]} · {MODE_LABEL[job.mode]}
      </p>
      <ImportProgress id={job.id} initial={importStatus(job)} />
      {finished && (
        <section aria-labelledby="result" className="space-y-3 rounded bg-white p-4 shadow">
          <h2 id="result" className="font-bold">
            结果
          </h2>
          <p role={job.state === "failed" ? "alert" : "status"} data-testid="import-summary">
            {job.message}
          </p>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
            {[
              ["总行数", job.totalRows],
              ["新增", job.newCount],
              ["更新", job.updatedCount],
              ["未变化", job.unchangedCount],
              ["有错误", job.rejectedCount],
            ].map(([k, v]) => (
              <div key={k} className="rounded bg-slate-50 p-2">
                <dt className="text-slate-600">{k}</dt>
                <dd className="text-lg font-semibold tabular-nums">{Number(v).toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
          {job.rejectedCount > 0 && (
            <>
              <a
                href={`/admin/imports/${job.id}/report`}
                className="inline-block rounded border border-brand-700 px-3 py-1.5 text-brand-700"
              >
                下载错误报告（CSV）
              </a>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="text-left text-slate-600">错误明细（前 200 条）</caption>
                  <thead className="bg-slate-50 text-slate-600">
                    <tr>
                      <th className="px-3 py-2">行号</th>
                      <th className="px-3 py-2">列</th>
                      <th className="px-3 py-2">原因</th>
                    </tr>
                  </thead>
                  <tbody>
                    {errors.map((e) => (
                      <tr key={e.id} className="border-t border-slate-100">
                        <td className="px-3 py-2 tabular-nums">{e.rowNo}</td>
                        <td className="px-3 py-2">{e.column}</td>
                        <td className="px-3 py-2">{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}

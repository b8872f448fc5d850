import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { importJobMachine } from "@/lib/workflows/import-job";
import { requireRole } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { listImportJobs } from "@/server/queries/imports";
import { importEnv, resumeStaleImports } from "@/server/services/imports/start-import";
import { KIND_LABEL, MODE_LABEL } from "./labels";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "批量导入" };

export default async function ImportsPage() {
  const user = await requireRole("operator");
  // a job left unfinished by a stopped server resumes when its department looks at the list
  if (user.departmentId !== null)
    await resumeStaleImports(await getDb(), await importEnv(), user.departmentId);
  const jobs = await listImportJobs({ actor: user });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">批量导入</h1>
      <p className="text-sm text-slate-600">
        按国家“双公示”数据标准的中文表头导入。请先下载模板：
        <a href="/admin/imports/template?kind=penalty" className="mx-1 text-brand-700 underline">
          行政处罚模板
        </a>
        ·
        <a href="/admin/imports/template?kind=licence" className="mx-1 text-brand-700 underline">
          行政许可模板
        </a>
        。同一数据来源单位的同一决定书文号只会有一条记录：重复导入会更新或跳过，不会重复。
      </p>
      <UploadForm />
      <section aria-labelledby="jobs" className="space-y-2">
        <h2 id="jobs" className="text-lg font-bold">
          本单位的导入任务
        </h2>
        <DataTable
          headers={["编号", "文件", "类型", "方式", "状态", "新增 / 更新 / 未变 / 错误"]}
          empty={jobs.length === 0 && "还没有导入任务。"}
        >
          {jobs.map((j) => (
            <tr key={j.id} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <Link href={`/admin/imports/${j.id}`} className="text-brand-700 underline">
                  #{j.id}
                </Link>
              </td>
              <td className="px-3 py-2">{j.fileName}</td>
              <td className="px-3 py-2">{KIND_LABEL[j.kind]}</td>
              <td className="px-3 py-2">{MODE_LABEL[j.mode]}</td>
              <td className="px-3 py-2">{importJobMachine.labels[j.state]}</td>
              <td className="px-3 py-2 tabular-nums">
                {j.newCount} / {j.updatedCount} / {j.unchangedCount} / {j.rejectedCount}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}

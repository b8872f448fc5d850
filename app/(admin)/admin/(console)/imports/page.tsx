import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/server/auth/guard";
import { listImportJobs } from "@/server/queries/imports";
import { KIND_LABEL, MODE_LABEL, STATE_LABEL } from "./labels";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "批量导入" };

export default async function ImportsPage() {
  const user = await requireRole("operator");
  const jobs = await listImportJobs(user.departmentId);
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
        <div className="overflow-x-auto rounded bg-white shadow">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-3 py-2">编号</th>
                <th className="px-3 py-2">文件</th>
                <th className="px-3 py-2">类型</th>
                <th className="px-3 py-2">方式</th>
                <th className="px-3 py-2">状态</th>
                <th className="px-3 py-2">新增 / 更新 / 未变 / 错误</th>
              </tr>
            </thead>
            <tbody>
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
                  <td className="px-3 py-2">{STATE_LABEL[j.state]}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {j.newCount} / {j.updatedCount} / {j.unchangedCount} / {j.rejectedCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {jobs.length === 0 && <p className="p-4 text-slate-600">还没有导入任务。</p>}
        </div>
      </section>
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputClass } from "@/components/form";
import { sizeProblem } from "@/lib/records/import-file";

/** Sends the file as the request body (streamed to disk by the server), then opens the job's page. */
export function UploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || !file.name) return setError("请选择要导入的文件。");
    const sized = sizeProblem(file.size);
    if (sized) return setError(sized);
    const q = new URLSearchParams({
      kind: String(form.get("kind")),
      mode: String(form.get("mode")),
      name: file.name,
    });
    setBusy(true);
    try {
      const res = await fetch(`/admin/imports/upload?${q}`, { method: "POST", body: file });
      const body = await res.json().catch(() => null);
      if (!res.ok) return setError(body?.error?.message ?? `上传失败（${res.status}）。`);
      router.push(`/admin/imports/${body.id}`);
    } catch {
      setError("网络中断，上传没有完成，请重试。");
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="grid gap-4 rounded bg-white p-4 shadow sm:grid-cols-2">
      {error && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 sm:col-span-2"
        >
          {error}
        </p>
      )}
      <label className="block">
        <span className="text-sm font-medium">记录类型</span>
        <select name="kind" className={inputClass} defaultValue="penalty">
          <option value="penalty">行政处罚</option>
          <option value="licence">行政许可</option>
        </select>
      </label>
      <label className="block">
        <span className="text-sm font-medium">文件（CSV 或 XLSX，不超过 50 MB）</span>
        <input
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={inputClass}
        />
      </label>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">有错误的行怎么办</legend>
        <label className="mt-1 flex items-start gap-2">
          <input type="radio" name="mode" value="keep_good" defaultChecked className="mt-1" />
          <span>导入正确的行，列出错误的行（修改后可再次导入同一文件，已导入的行不会重复）</span>
        </label>
        <label className="mt-1 flex items-start gap-2">
          <input type="radio" name="mode" value="all_or_nothing" className="mt-1" />
          <span>全部或全不：只要有一行错误，整个文件都不导入</span>
        </label>
      </fieldset>
      <div>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {busy ? "正在上传…" : "上传并导入"}
        </button>
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { importProgress, isImportJobFinished } from "@/lib/workflows/import-job";
import type { ImportStatus } from "@/server/queries/imports";

type Status = ImportStatus;

/** Polls the job once a second until it ends; then reloads the page for the report. */
export function ImportProgress({ id, initial }: { id: number; initial: Status }) {
  const [s, setS] = useState(initial);
  const router = useRouter();
  useEffect(() => {
    if (isImportJobFinished(s.state)) return;
    const t = setTimeout(async () => {
      const res = await fetch(`/admin/imports/${id}/status`, { cache: "no-store" }).catch(() => null);
      if (!res?.ok) return setS({ ...s });
      const next = (await res.json()) as Status;
      setS(next);
      if (isImportJobFinished(next.state)) router.refresh();
    }, 1000);
    return () => clearTimeout(t);
  }, [s, id, router]);
  const { percent, phase, failed } = importProgress(s);
  return (
    <div className="space-y-2 rounded bg-white p-4 shadow">
      <div className="flex justify-between text-sm">
        <span>{phase}</span>
        <span className="tabular-nums">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="导入进度"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 overflow-hidden rounded bg-slate-200"
      >
        <div
          className={`h-full ${failed ? "bg-red-600" : "bg-brand-700"} transition-all`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-600">
        可以关闭此页面，导入会在服务器上继续；稍后从“批量导入”列表打开即可查看结果。
      </p>
    </div>
  );
}

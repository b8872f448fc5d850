"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ImportStatus } from "@/server/queries/imports";

type Status = ImportStatus;

/** Polls the job once a second until it ends; then reloads the page for the report. */
export function ImportProgress({ id, initial }: { id: number; initial: Status }) {
  const [s, setS] = useState(initial);
  const router = useRouter();
  useEffect(() => {
    if (s.state === "done" || s.state === "failed") return;
    const t = setTimeout(async () => {
      const res = await fetch(`/admin/imports/${id}/status`, { cache: "no-store" }).catch(() => null);
      if (!res?.ok) return setS({ ...s });
      const next = (await res.json()) as Status;
      setS(next);
      if (next.state === "done" || next.state === "failed") router.refresh();
    }, 1000);
    return () => clearTimeout(t);
  }, [s, id, router]);
  const written = s.newCount + s.updatedCount + s.unchangedCount;
  const percent =
    s.state === "done" || s.state === "failed"
      ? 100
      : s.state === "writing" && s.totalRows > 0
        ? 50 + Math.round((50 * (written + s.rejectedCount)) / s.totalRows)
        : s.state === "validating"
          ? Math.min(49, 5 + Math.round(Math.log10(1 + s.validatedRows) * 8))
          : 0;
  const phase =
    s.state === "validating"
      ? `正在校验：已读 ${s.validatedRows.toLocaleString("en-US")} 行`
      : s.state === "writing"
        ? `正在写入：${written.toLocaleString("en-US")} / ${(s.totalRows - s.rejectedCount).toLocaleString("en-US")} 行`
        : s.state === "queued"
          ? "排队中"
          : s.state === "done"
            ? "已完成"
            : "失败";
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
          className={`h-full ${s.state === "failed" ? "bg-red-600" : "bg-brand-700"} transition-all`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-600">
        可以关闭此页面，导入会在服务器上继续；稍后从“批量导入”列表打开即可查看结果。
      </p>
    </div>
  );
}

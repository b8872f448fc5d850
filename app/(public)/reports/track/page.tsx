import type { Metadata } from "next";
import { TrackTipoffForm } from "./track-form";

export const metadata: Metadata = { title: "举报办理查询" };

/** Issue 23 §5: the reporter follows the case by its number and secret. */
export default function TrackTipoffPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">举报办理查询</h1>
      <p className="text-slate-700">输入提交举报时得到的案号和查询码，查看受理部门的办理进度和答复。</p>
      <TrackTipoffForm />
    </div>
  );
}

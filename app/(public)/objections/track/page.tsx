import type { Metadata } from "next";
import Link from "next/link";
import { SupplementForm } from "./supplement-form";
import { TrackForm } from "./track-form";

export const metadata: Metadata = {
  title: "异议办理查询",
  description: "凭案号和查询码查询异议的办理进度和结果",
};

export default function TrackObjectionPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/objections" className="text-brand-700 underline">
          ← 异议申诉
        </Link>
      </p>
      <h1 className="text-2xl font-bold">异议办理查询</h1>
      <p className="text-slate-700">请输入提交异议时获得的案号和查询码。</p>
      <TrackForm />
      <section aria-labelledby="supplement" className="space-y-2">
        <h2 id="supplement" className="text-lg font-semibold">
          补充异议理由或材料
        </h2>
        <p className="text-sm text-slate-700">
          案件办结前，可凭案号和查询码补充理由和证明材料，并入原案件一并核实。再次提交异议会另立新案，不会并入已有案件。
        </p>
        <SupplementForm />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
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
    </div>
  );
}

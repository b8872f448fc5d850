"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/form";
import { formatTimeZh } from "@/lib/web/format";
import { verifyReportAction } from "./actions";

const time = (iso: string) => formatTimeZh(new Date(iso), "seconds");

/** Number and code (filled in from the QR code's link), and the PDF to compare byte for byte. */
export function VerifyForm({ no, code }: { no?: string; code?: string }) {
  const [state, act] = useActionState(verifyReportAction, null);
  const data = state?.ok ? (state.data as Record<string, string> | undefined) : undefined;
  const kept = state && !state.ok ? state.values : undefined;
  const err = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={act} className="space-y-4" encType="multipart/form-data">
      <FormMessage state={state} />
      {data && (
        <dl className="grid gap-x-6 gap-y-1 rounded border border-green-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">报告编号</dt>
          <dd>{data.reportNo}</dd>
          <dt className="text-slate-600">主体</dt>
          <dd>
            {data.subjectName}（{data.uscc}）
          </dd>
          <dt className="text-slate-600">生成时间</dt>
          <dd>{time(data.generatedAt ?? "")}</dd>
          <dt className="text-slate-600">版本</dt>
          <dd>{data.edition === "own" ? "主体自查版（含未公示信息）" : "公示版"}</dd>
          <dt className="text-slate-600">PDF 的 SHA-256</dt>
          <dd className="break-all font-mono text-xs">{data.sha256}</dd>
          <dt className="text-slate-600">存档内容</dt>
          <dd>
            <a
              href={`/verify?no=${encodeURIComponent(data.reportNo ?? "")}&code=${encodeURIComponent(data.code ?? "")}#archive`}
              className="text-brand-700 underline"
            >
              查看本站存档的报告内容
            </a>
          </dd>
        </dl>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="报告编号"
          name="no"
          required
          maxLength={32}
          defaultValue={(kept?.no as string | undefined) ?? no}
          error={err?.no}
          placeholder="XY20261203000123"
        />
        <Field
          label="核验码"
          name="code"
          required
          maxLength={16}
          defaultValue={(kept?.code as string | undefined) ?? code}
          error={err?.code}
          placeholder="7KQ4-M9TX"
        />
      </div>
      <Field
        label="报告 PDF 文件（可选）"
        name="file"
        type="file"
        accept="application/pdf,.pdf"
        hint="上传后计算文件的 SHA-256 与本站登记的比对，文件被改动过一个字节也会发现。文件不超过 10 MB。"
      />
      <SubmitButton pendingText="正在核验…">核验</SubmitButton>
    </form>
  );
}

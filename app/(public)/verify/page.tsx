import type { Metadata } from "next";
import { ReportView } from "@/components/report-view";
import { formatTimeZh } from "@/lib/web/format";
import { firstParam, queryString } from "@/lib/web/query-string";
import { requestMeta } from "@/server/auth/request-meta";
import { allowance } from "@/server/http/rate-limit";
import { verifyReport } from "@/server/queries/report-verification";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = {
  title: "信用报告核验",
  description: "输入信用报告的编号和核验码，或上传报告 PDF，核验报告是否由信用江西生成、是否被改动。",
};

/**
 * Issue 13 §2, issue 20 N5: the QR code on a report opens this page with its number and code. A match shows what
 * the report really says — a genuine number and code on an edited PDF prove nothing, so the answer is "compare
 * with what you hold", with the stored content and the stored file to compare against.
 */
export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const no = firstParam(sp.no)?.slice(0, 32);
  const code = firstParam(sp.code)?.slice(0, 16);
  const asked = no && code ? await allowance("verify", (await requestMeta()).ip) : null;
  const v = no && code && asked?.allowed ? await verifyReport({ reportNo: no, code }) : null;
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">信用报告核验</h1>
      <p className="text-slate-700">
        信用江西生成的每份信用报告都有报告编号和核验码（在首页和每页页脚），本站存档了报告的内容和 PDF 文件。
        输入编号和核验码可查看存档内容，与您持有的报告逐项对照；上传 PDF 文件，可确认文件与存档逐字节相同。
      </p>
      {asked && !asked.allowed && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {asked.message}
        </p>
      )}
      {v && !v.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {v.message}
        </p>
      )}
      {v?.ok && (
        <section id="archive" aria-labelledby="archive-title" className="space-y-3">
          <div
            role="status"
            className="space-y-1 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950"
          >
            <p id="archive-title" className="font-semibold">
              本站于 {formatTimeZh(v.generatedAt, "seconds")} 生成过编号为 {v.reportNo} 的信用报告（
              {v.subjectName}，{v.edition === "own" ? "主体自查版" : "公示版"}）。
            </p>
            <p className="text-sm">
              编号和核验码相符只说明这份报告存在，不能证明您手中的文件未被改动：请将您持有的报告与下方的存档内容逐项对照，
              或上传 PDF 文件逐字节核对。
              {v.hasOriginal && (
                <a
                  href={`/verify/original${queryString({ no: v.reportNo, code })}`}
                  className="ml-1 text-brand-700 underline"
                >
                  下载本站存档的原件（PDF）
                </a>
              )}
            </p>
            <p className="break-all font-mono text-xs">存档 PDF 的 SHA-256：{v.sha256}</p>
          </div>
          <ReportView d={v.document} />
        </section>
      )}
      <VerifyForm no={no} code={code} />
    </div>
  );
}

import type { Metadata } from "next";
import { firstParam } from "@/lib/web/query-string";
import { getDb } from "@/server/db";
import { verifyReport } from "@/server/services/reports";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = {
  title: "信用报告核验",
  description: "输入信用报告的编号和核验码，或上传报告 PDF，核验报告是否由信用江西生成、是否被改动。",
};

/** Issue 13 §2: the QR code on a report opens this page with its number and code; the verdict is shown at once. */
export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const no = firstParam(sp.no)?.slice(0, 32);
  const code = firstParam(sp.code)?.slice(0, 16);
  const v = no && code ? await verifyReport(await getDb(), no, code) : null;
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">信用报告核验</h1>
      <p className="text-slate-700">
        信用江西生成的每份信用报告都有报告编号和核验码（在首页和每页页脚），并登记了 PDF 文件的 SHA-256。
        输入编号和核验码可确认报告真实存在；再上传 PDF 文件，可确认文件未被改动。
      </p>
      {v && (
        <p
          role={v.ok ? "status" : "alert"}
          className={`rounded border px-3 py-2 ${v.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {v.ok
            ? `报告真实有效：${v.subjectName}，生成于 ${v.generatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}。PDF 的 SHA-256：${v.sha256}`
            : v.message}
        </p>
      )}
      <VerifyForm no={no} code={code} />
    </div>
  );
}

"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/web/action-state";
import { queryString } from "@/lib/web/query-string";
import { publicStep } from "@/server/action";
import { requestMeta } from "@/server/auth/request-meta";
import { AppError } from "@/server/errors";
import { allowance } from "@/server/http/rate-limit";
import { fileDigest, fileMatches, verifyReport } from "@/server/queries/report-verification";

const MAX = 10 * 1024 * 1024;
const input = z.object({
  no: z.string().trim().min(1, "请填写报告编号").max(32, "报告编号过长"),
  code: z.string().trim().min(1, "请填写核验码").max(16, "核验码过长"),
});

/** Issue 13 §2: number + code, and optionally the PDF itself, whose SHA-256 must be the one registered. */
export async function verifyReportAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicStep(input, form, [], async ({ no, code }) => {
    const asked = await allowance("verify", (await requestMeta()).ip);
    if (!asked.allowed) throw new AppError("too_many", asked.message);
    const v = await verifyReport({ reportNo: no, code });
    if (!v.ok) throw new AppError("not_found", v.message);
    const file = form.get("file");
    // no file: the page shows the stored content to compare with (issue 20 N5)
    if (!(file instanceof File) || file.size === 0)
      redirect(`/verify${queryString({ no: v.reportNo, code })}#archive`);
    const data = {
      reportNo: v.reportNo,
      subjectName: v.subjectName,
      uscc: v.uscc ?? "",
      generatedAt: v.generatedAt.toISOString(),
      sha256: v.sha256,
      edition: v.edition,
      code,
    };
    if (file.size > MAX) throw new AppError("too_large", "上传的文件超过 10 MB，不是本站生成的信用报告。");
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-")
      throw new AppError("invalid", "上传的文件不是 PDF，请上传下载得到的信用报告 PDF 文件。");
    if (!fileMatches(v, bytes))
      return {
        ok: false,
        message: `报告不一致：上传文件的 SHA-256 为 ${fileDigest(bytes)}，与本站登记的 ${v.sha256} 不同，文件在生成后被改动过，不能作为信用报告使用。`,
      };
    return {
      ok: true,
      message: "报告一致：上传的 PDF 与本站存档的报告逐字节相同，内容即为本站生成时的内容。",
      data: { ...data, fileChecked: true },
    };
  });
}

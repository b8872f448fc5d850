import { intParam } from "@/lib/web/query-string";
import { FILE_CONTENT_SECURITY_POLICY } from "@/lib/web/security-headers";
import { readCaseFile } from "@/server/case-files";
import { AppError } from "@/server/errors";
import { consoleRoute } from "@/server/http/console-route";
import { getCaseFileFor } from "@/server/queries/case-detail";

/**
 * GET /case-files/:id — a material of a repair or a self-report, for its applicant and the reviewers of the
 * department handling it; never cached by anyone but that browser (issue 11 §4).
 */
export const GET = consoleRoute<{ id: string }>(["business", "reviewer"], async ({ user, params }) => {
  const id = intParam(params.id);
  const file = id !== undefined ? await getCaseFileFor({ viewer: user, id }) : null;
  if (!file) throw new AppError("not_found", "该材料不存在，或您无权查看。");
  const bytes = await readCaseFile(file.storagePath);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.length),
      // images open in the browser; a PDF is downloaded rather than run in this site's origin
      "Content-Disposition": `${file.mimeType === "application/pdf" ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": FILE_CONTENT_SECURITY_POLICY,
    },
  });
});

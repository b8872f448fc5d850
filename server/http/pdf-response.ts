import "server-only";
import type { IssuedReport } from "../services/reports";

/** A report as a download: never cached (each is a new, numbered report), named by its number. */
export function pdfResponse(r: IssuedReport): Response {
  return new Response(new Uint8Array(r.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${r.reportNo}.pdf"; filename*=UTF-8''${encodeURIComponent(`信用报告-${r.subjectName}-${r.reportNo}.pdf`)}`,
      "cache-control": "no-store",
      "x-report-no": r.reportNo,
    },
  });
}

import { CSV_BOM, csvRow } from "@/lib/web/csv";
import { intParam } from "@/lib/web/query-string";
import { AppError } from "@/server/errors";
import { consoleRoute } from "@/server/http/console-route";
import { getImportJob, importErrorPage } from "@/server/queries/imports";

/** The per-row report (行号, 列, 原因) as CSV for Excel, streamed page by page. */
export const GET = consoleRoute<{ id: string }>(["operator"], async ({ user, params }) => {
  const job = await getImportJob({ id: intParam(params.id), actor: user });
  if (!job) throw new AppError("not_found", "导入任务不存在。");
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(["行号", "列", "原因"])));
        return;
      }
      const rows = await importErrorPage({ jobId: job.id, limit: 5000, afterId: after });
      if (rows.length === 0) return controller.close();
      after = rows.at(-1)?.id ?? after;
      controller.enqueue(encoder.encode(rows.map((r) => csvRow([r.rowNo, r.column, r.reason])).join("")));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${job.id}-report.csv"`,
      "cache-control": "no-store",
    },
  });
});

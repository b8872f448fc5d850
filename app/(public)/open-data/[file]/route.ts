import { CSV_BOM, csvRow } from "@/lib/web/csv";
import { today } from "@/server/clock";
import { apiError, safeHandler } from "@/server/http/api";
import { rateLimited } from "@/server/http/rate-limit";
import { DATASET_KEYS, getDataset } from "@/server/queries/exports";

const BATCH = 2000;

const cell = (v: unknown) =>
  Array.isArray(v) ? v.map((c) => `${c.at} ${c.text}${c.caseNo ? `（${c.caseNo}）` : ""}`).join("；") : v;

/** /open-data/{dataset}.csv|.json — the whole public dataset, streamed batch by batch. */
export const GET = safeHandler(async function GET(
  request: Request,
  { params }: { params: Promise<{ file: string }> },
) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const m = /^([a-z-]+)\.(csv|json)$/.exec((await params).file);
  const dataset = m?.[1] ? getDataset(m[1]) : null;
  if (!m || !dataset)
    return apiError(
      404,
      "unknown_dataset",
      `数据集不存在，可选：${DATASET_KEYS.map((k) => `${k}.csv`).join("、")}（或 .json）。`,
    );
  const csv = m[2] === "csv";
  const day = today();
  const encoder = new TextEncoder();
  let afterId = 0;
  let first = true;
  // the first batch before any byte is sent: a database that is down gets a 503, not a cut-off 200
  let pending: Awaited<ReturnType<typeof dataset.batch>> | null = await dataset.batch(afterId, day, BATCH);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csv ? CSV_BOM + csvRow(dataset.columns.map(([, h]) => h)) : "["));
    },
    async pull(controller) {
      try {
        const rows = pending ?? (await dataset.batch(afterId, day, BATCH));
        pending = null;
        let chunk = "";
        for (const r of rows) {
          // a record's change history is one cell of CSV: its changes as read, in order
          if (csv) chunk += csvRow(dataset.columns.map(([k]) => cell(r[k])));
          else {
            const obj = Object.fromEntries(dataset.columns.map(([k]) => [k, r[k] ?? null]));
            chunk += `${first ? "\n" : ",\n"}${JSON.stringify(obj)}`;
            first = false;
          }
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (rows.length < BATCH) {
          if (!csv) controller.enqueue(encoder.encode("\n]\n"));
          controller.close();
        } else afterId = Number(rows.at(-1)?.id);
      } catch (err) {
        console.error(`[export ${dataset.key}]`, err);
        controller.error(err);
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${dataset.key}-${day}.${m[2]}"`,
      "access-control-allow-origin": "*",
    },
  });
});

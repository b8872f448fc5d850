import "server-only";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { dataPackage } from "@/lib/open-data/datapackage";
import { DELTA_PAGE_SIZE, MAX_DELTA_PAGE_SIZE, parseSince } from "@/lib/open-data/deltas";
import {
  type Column,
  csvValue,
  FILE_CONTENT_TYPE,
  fileFooter,
  fileHeader,
  fileLine,
  type OpenFormat,
} from "@/lib/open-data/files";
import { csvRow } from "@/lib/web/csv";
import { SENDFILE } from "@/lib/web/sendfile";
import { siteOrigin } from "../auth/request-meta";
import { today } from "../clock";
import { config } from "../config";
import { openDataStore } from "../object-store";
import { DATASET_KEYS, getDataset } from "../queries/exports";
import {
  catalogueChangedSinceFiles,
  type DumpFile,
  delta,
  latestFiles,
  servedFile,
} from "../queries/open-data";
import { getPolicy } from "../settings";
import { apiError } from "./api";

const CORS = { "access-control-allow-origin": "*" };
const LIVE_BATCH = 2000;

export const deltaParams = z.object({
  since: z.string().max(64, "since 过长").optional(),
  cursor: z.string().max(400, "cursor 无效").optional(),
  limit: z.coerce
    .number({ message: "limit 应为数字" })
    .int("limit 应为整数")
    .min(1, "limit 至少为 1")
    .max(MAX_DELTA_PAGE_SIZE, `limit 最多为 ${MAX_DELTA_PAGE_SIZE}`)
    .optional(),
});

const NOT_READY = () =>
  apiError(503, "files_not_ready", "开放数据文件正在生成，请稍后再试。", undefined, { "retry-after": "60" });

/**
 * A full file as it was produced (issue 25 §4): gzip when the client takes it, ETag / Last-Modified /
 * Content-Length, 304 to a client that has it. Nothing here reads a record table.
 */
export async function serveFile(request: Request, dataset: string, format: OpenFormat): Promise<Response> {
  const { outdated, file: f } = await servedFile(dataset, format);
  if (outdated) return serveLive(dataset, format);
  if (!f) return NOT_READY();
  const gzip = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  const name = `${basename(f.path)}${gzip ? ".gz" : ""}`;
  // always this node's own directory (the path the generating node recorded may name another's); a file built
  // by another node waits in the shared store, fetched once into it
  const path = join(config().openDataDir, String(f.generation), name);
  if (!existsSync(path)) {
    const store = openDataStore();
    if (!store) return NOT_READY();
    await store.getToFile(`${f.generation}/${name}`, path);
  }
  const etag = `"${f.sha256.slice(0, 32)}-${f.generation}${gzip ? "-gz" : ""}"`;
  const lastModified = new Date(Math.floor(f.finishedAt.getTime() / 1000) * 1000);
  const headers: Record<string, string> = {
    ...CORS,
    etag,
    "last-modified": lastModified.toUTCString(),
    "cache-control": "public, max-age=300",
    vary: "accept-encoding",
    "x-open-data-version": String(f.generation),
  };
  const inm = request.headers.get("if-none-match");
  const ims = request.headers.get("if-modified-since");
  const fresh = inm
    ? inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*")
    : ims !== null && !Number.isNaN(Date.parse(ims)) && Date.parse(ims) >= lastModified.getTime();
  if (fresh) return new Response(null, { status: 304, headers });
  // the server in front sends the file with its length and encoding (scripts/sendfile.ts): Next would drop both
  return new Response(null, {
    headers: {
      ...headers,
      // no-transform: nothing on the way compresses it again
      "cache-control": "public, max-age=300, no-transform",
      "content-type": FILE_CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="${dataset}-v${f.generation}-${f.asOf}.${format}"`,
      [SENDFILE.path]: path,
      [SENDFILE.length]: String(gzip ? f.gzipBytes : f.bytes),
      [SENDFILE.encoding]: gzip ? "gzip" : "identity",
    },
  });
}

/**
 * The file as the database has it now, streamed batch by batch: only between a catalogue change and the next
 * generation, so that what left publication is not served from a file (issue 23 §3).
 */
async function serveLive(dataset: string, format: OpenFormat): Promise<Response> {
  const ds = getDataset(dataset);
  if (!ds) return NOT_READY();
  const columns = ds.columns as Column[];
  const day = today();
  const encoder = new TextEncoder();
  let afterId = 0;
  let rows = 0;
  // the first batch before any byte is sent: a database that is down gets a 503, not a cut-off 200
  let pending: Awaited<ReturnType<typeof ds.batch>> | null = await ds.batch(afterId, day, LIVE_BATCH);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(fileHeader(format, columns)));
    },
    async pull(controller) {
      try {
        const batch = pending ?? (await ds.batch(afterId, day, LIVE_BATCH));
        pending = null;
        let chunk = "";
        for (const r of batch) chunk += fileLine(format, columns, r, rows++ === 0);
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (batch.length < LIVE_BATCH) {
          controller.enqueue(encoder.encode(fileFooter(format, rows === 0)));
          controller.close();
        } else afterId = Number(batch.at(-1)?.id);
      } catch (err) {
        console.error(`[export ${dataset}]`, err);
        controller.error(err);
      }
    },
  });
  return new Response(stream, {
    headers: {
      ...CORS,
      "cache-control": "no-store",
      "content-type": FILE_CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="${dataset}-${day}.${format}"`,
    },
  });
}

/** ?since= / ?cursor=: the changes since a version of the files, JSON or CSV, a page at a time (issue 25 §3). */
export async function serveDelta(
  dataset: string,
  format: OpenFormat,
  p: z.infer<typeof deltaParams>,
  nextUrl: (cursor: string) => string,
): Promise<Response> {
  let since: ReturnType<typeof parseSince> | undefined;
  if (p.cursor === undefined) {
    since = parseSince(p.since ?? "", new Date());
    if (since.kind === "invalid") return apiError(400, "invalid_since", since.message);
  }
  if (await catalogueChangedSinceFiles())
    return apiError(
      503,
      "files_rebuilding",
      "数据已有变更，数据文件正在重新生成，完成后方可取增量，请稍后再试。",
      undefined,
      { "retry-after": "120" },
    );
  const d = await delta(dataset, {
    since: since && since.kind !== "invalid" ? since : undefined,
    cursor: p.cursor,
    limit: p.limit ?? DELTA_PAGE_SIZE,
  });
  if (d.status === "not_ready") return NOT_READY();
  if (d.status === "gone") return apiError(410, "history_expired", d.message, { oldest: d.oldest });
  if (d.status === "invalid") return apiError(400, "invalid_delta", d.message);
  const next = d.next ? nextUrl(d.next) : null;
  const headers: Record<string, string> = {
    ...CORS,
    "cache-control": "no-store",
    "x-open-data-version": String(d.to),
    ...(next ? { link: `<${next}>; rel="next"` } : {}),
  };
  if (format === "json")
    return Response.json({ dataset, since: d.from, version: d.to, changes: d.changes, next }, { headers });
  const ds = getDataset(dataset);
  const columns = (ds?.columns ?? []).filter(([k]) => k !== "id") as Column[];
  let body = fileHeader("csv", [
    ["op", "操作"],
    ["id", "记录编号"],
    ["generation", "版本"],
    ["reason", "删除原因"],
    ...columns,
  ]);
  for (const c of d.changes)
    body += csvRow([
      c.op === "upsert" ? "新增或更新" : "删除",
      c.id,
      c.generation,
      c.op === "delete" ? c.reason : "",
      ...columns.map(([k]) => (c.op === "upsert" ? csvValue(c.record[k]) : "")),
    ]);
  return new Response(body, { headers: { ...headers, "content-type": FILE_CONTENT_TYPE.csv } });
}

export async function serveDataPackage(request: Request): Promise<Response> {
  const files: DumpFile[] = await latestFiles();
  if (files.length === 0) return NOT_READY();
  const { openDataBatchQuietMinutes: quiet } = await getPolicy();
  const body = dataPackage({
    datasets: DATASET_KEYS.map((k) => getDataset(k)).flatMap((d) => (d ? [d] : [])),
    files: files.map((f) => ({ ...f, finishedAt: f.finishedAt.toISOString() })),
    origin: siteOrigin(request.headers),
    updateFrequency:
      quiet > 0 ? `每日生成；记录变更停止 ${quiet} 分钟后另行生成` : "每日生成（北京时间 2 时后）",
  });
  return Response.json(body, { headers: { ...CORS, "cache-control": "public, max-age=300" } });
}

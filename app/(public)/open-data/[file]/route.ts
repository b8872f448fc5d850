import { apiError, safeHandler } from "@/server/http/api";
import { deltaParams, serveDataPackage, serveDelta, serveFile } from "@/server/http/open-data";
import { rateLimited } from "@/server/http/rate-limit";
import { DATASET_KEYS, getDataset } from "@/server/queries/exports";

/**
 * /open-data/{dataset}.csv|.json — the latest full file, produced once and served as it is (issue 25 §4);
 * with ?since= (or ?cursor=) the changes since a version (§3). /open-data/datapackage.json describes them all.
 */
export const GET = safeHandler(async function GET(
  request: Request,
  { params }: { params: Promise<{ file: string }> },
) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const file = (await params).file;
  if (file === "datapackage.json") return serveDataPackage(request);
  const m = /^([a-z-]+)\.(csv|json)$/.exec(file);
  const dataset = m?.[1] && getDataset(m[1]) ? m[1] : null;
  const format = m?.[2] as "csv" | "json" | undefined;
  if (!dataset || !format)
    return apiError(
      404,
      "unknown_dataset",
      `数据集不存在，可选：${DATASET_KEYS.map((k) => `${k}.csv`).join("、")}（或 .json），以及 datapackage.json。`,
    );
  const url = new URL(request.url);
  if (!url.searchParams.has("since") && !url.searchParams.has("cursor"))
    return serveFile(request, dataset, format);
  const p = deltaParams.safeParse(Object.fromEntries(url.searchParams));
  if (!p.success) return apiError(400, "invalid_query", p.error.issues.map((i) => i.message).join("；"));
  return serveDelta(
    dataset,
    format,
    p.data,
    (cursor) => `/open-data/${file}?cursor=${encodeURIComponent(cursor)}`,
  );
});

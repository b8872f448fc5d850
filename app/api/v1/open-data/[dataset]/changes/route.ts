import { apiError, publicGet } from "@/server/http/api";
import { deltaParams, serveDelta } from "@/server/http/open-data";
import { DATASET_KEYS, getDataset } from "@/server/queries/exports";

/** GET /api/v1/open-data/{dataset}/changes?since=&cursor=&limit= — the changes since a version, as JSON (issue 25 §3). */
export const GET = publicGet(
  deltaParams,
  async (p, _req, { params }: { params: Promise<{ dataset: string }> }) => {
    const dataset = (await params).dataset;
    if (!getDataset(dataset))
      return apiError(404, "unknown_dataset", `数据集不存在，可选：${DATASET_KEYS.join("、")}。`);
    if (p.since === undefined && p.cursor === undefined)
      return apiError(400, "invalid_delta", "请提供 since（变更编号或时间）或 cursor。");
    return serveDelta(
      dataset,
      "json",
      p,
      (cursor) => `/api/v1/open-data/${dataset}/changes?cursor=${encodeURIComponent(cursor)}`,
    );
  },
);

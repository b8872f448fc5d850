/**
 * Deltas for mirrors (issue 25 §3, P20): what changed in a dataset since a generation of its files (the change
 * id) or a moment, page by page with a signed cursor. Applying them in order to that generation's full file gives
 * the latest full file.
 */

export const DELTA_PAGE_SIZE = 1000;
export const MAX_DELTA_PAGE_SIZE = 5000;

export type Since = { kind: "generation"; id: number } | { kind: "time"; at: Date };

/** `since` as a mirror sends it: a change id (a generation number) or an ISO 8601 moment. */
export function parseSince(raw: string, now: Date): Since | { kind: "invalid"; message: string } {
  const s = raw.trim();
  if (/^\d{1,9}$/.test(s)) return { kind: "generation", id: Number(s) };
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) {
    // a date alone is midnight in China, as the site's every date is
    const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+08:00` : s);
    if (Number.isNaN(at.getTime()))
      return { kind: "invalid", message: `since“${s.slice(0, 40)}”不是有效的时间。` };
    if (at.getTime() > now.getTime())
      return { kind: "invalid", message: "since 不能晚于当前时间：尚未发生的变更无从提供。" };
    return { kind: "time", at };
  }
  return {
    kind: "invalid",
    message:
      "since 应为变更编号（数据文件的版本号，如 42）或 ISO 8601 时间（如 2026-12-01T08:00:00+08:00）。",
  };
}

/** Where a delta's pages stand: from and to which generation, and the last record id already sent. */
export type Cursor = { dataset: string; from: number; to: number; after: number };

export const INVALID_CURSOR = "cursor 无效：请使用上一页应答中的 next 原样续取，或重新按 since 开始。";

/** Why a record left a dataset, from what its row says now (a tombstone's reason). */
export type RemovalFacts = {
  exists: boolean;
  status?: string | null;
  /** a list entry's removal reason */
  removalReason?: string | null;
  /** the publicity period (or a list entry's validity) ended before the generation's day */
  expired?: boolean;
  /** DOMAIN §3: recorded but not disclosed (a small fine) */
  undisclosed?: boolean;
  /** the department's catalogue item is no longer 公开 */
  notCatalogued?: boolean;
};

export function removalReason(f: RemovalFacts): string {
  if (!f.exists) return "记录已删除";
  if (f.status === "withdrawn" || f.removalReason === "revoked") return "撤销";
  if (f.status === "repaired" || f.removalReason === "repaired") return "信用修复";
  if (f.removalReason === "expired" || f.expired) return "公示期（有效期）届满";
  if (f.undisclosed) return "依公示标准不予公示";
  if (f.notCatalogued) return "目录调整为非公开";
  if (f.status === "breached_repaired") return "违诺信息已修复";
  return "不再符合公开条件";
}

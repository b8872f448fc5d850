import { CASE_FILE_MAX_BYTES, CASE_FILE_MAX_COUNT } from "../records/case-file";

/** Issue 13 §3: what an editor publishes, and the life of an item: 草稿 → 已发布 → 已撤回 (and back to 草稿). */
export const NEWS_CATEGORIES = ["policy", "work", "case", "knowledge"] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];
export const NEWS_CATEGORY_LABEL: Record<NewsCategory, string> = {
  policy: "政策法规",
  work: "工作动态",
  case: "典型案例",
  knowledge: "信用知识",
};

export const NEWS_STATES = ["draft", "published", "withdrawn"] as const;
export type NewsState = (typeof NEWS_STATES)[number];
export const NEWS_STATE_LABEL: Record<NewsState, string> = {
  draft: "草稿",
  published: "已发布",
  withdrawn: "已撤回",
};

export type NewsEvent = "edit" | "publish" | "withdraw";

/** Null when the event may happen in this state, else why not (in Chinese). */
export function newsEventProblem(state: NewsState, event: NewsEvent): string | null {
  if (event === "publish") return state === "published" ? "该稿件已发布。" : null;
  if (event === "withdraw") return state === "published" ? null : "只有已发布的稿件可以撤回。";
  return null; // edits: a published item is corrected in place, and the change is audited
}

/** Where an item is read: 政策法规 under /policies, the others under /news. */
export const newsPath = (item: { id: number; category: NewsCategory }) =>
  `${item.category === "policy" ? "/policies" : "/news"}/${item.id}`;

/**
 * Issue 20 N8: a news form with its attachments — 5 PDFs of 10 MB and the text around them — is counted as it
 * arrives and refused past this, in Chinese, instead of being cut short.
 */
export const NEWS_FORM_MAX_BYTES = CASE_FILE_MAX_COUNT * CASE_FILE_MAX_BYTES + 2 * 1024 * 1024;

export function newsFormSizeProblem(size: number): string | null {
  return size > NEWS_FORM_MAX_BYTES
    ? `稿件和附件合计超过 ${NEWS_FORM_MAX_BYTES / 1048576} MB（当前 ${(size / 1048576).toFixed(1)} MB）：附件最多 ${CASE_FILE_MAX_COUNT} 个，每个不超过 10 MB，请减少附件后重试。`
    : null;
}

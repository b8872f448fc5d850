/**
 * The public credit-information resource catalogue (公共信用信息资源目录, 2020 plan §9): what each department
 * supplies, item by item, and who may read each — 公开 (everyone), 授权查询 (an institution whose authorisation
 * covers it), 内部 (the departments only). Every surface asks `mayRead`; nothing else decides.
 */
export const DATA_CLASSES = {
  licence: "行政许可信息",
  penalty: "行政处罚信息",
  penalty_undisclosed: "不予公示的行政处罚信息（简易程序、小额罚款）",
  list_entry: "红黑名单信息",
  commitment: "信用承诺及履约信息",
} as const;
export type DataClass = keyof typeof DATA_CLASSES;
export const DATA_CLASS_KEYS = Object.keys(DATA_CLASSES) as [DataClass, ...DataClass[]];

export const CLASSIFICATIONS = { public: "公开", authorised: "授权查询", internal: "内部" } as const;
export type Classification = keyof typeof CLASSIFICATIONS;
export const CLASSIFICATION_KEYS = Object.keys(CLASSIFICATIONS) as [Classification, ...Classification[]];

export const FREQUENCIES = { realtime: "实时", daily: "每日", weekly: "每周", monthly: "每月" } as const;
export type Frequency = keyof typeof FREQUENCIES;
export const FREQUENCY_KEYS = Object.keys(FREQUENCIES) as [Frequency, ...Frequency[]];

/**
 * An item's classification before its department's catalogue says otherwise: 双公示 and the lists are public by
 * law (DOMAIN §3–5); a penalty below the disclosure threshold is recorded but not disclosed (DOMAIN §3), so it is
 * at most 授权查询.
 */
export const DEFAULT_CLASSIFICATION: Record<DataClass, Classification> = {
  licence: "public",
  penalty: "public",
  penalty_undisclosed: "authorised",
  list_entry: "public",
  commitment: "public",
};

/** Who reads: the public (pages, open data, public API), or an institution key with its authorised classes. */
export type Reader = { kind: "public" } | { kind: "institution"; classes: readonly DataClass[] };

/** The one rule every surface obeys (issue 23 §3). */
export function mayRead(classification: Classification, dataClass: DataClass, reader: Reader): boolean {
  if (classification === "public") return true;
  if (classification === "internal") return false;
  return reader.kind === "institution" && reader.classes.includes(dataClass);
}

/** The classifications an item may take: what DOMAIN §3 keeps from the public stays from it. */
export function allowedClassifications(dataClass: DataClass): Classification[] {
  return dataClass === "penalty_undisclosed" ? ["authorised", "internal"] : [...CLASSIFICATION_KEYS];
}

/**
 * Issue 23 "bad input": narrowing an item that is already out in the open data withdraws it at once from the
 * profile pages, the files and the API. The editor must say so knowingly; this is the warning they confirm.
 */
export function narrowingWarning(
  from: Classification,
  to: Classification,
  publishedRows: number,
): string | null {
  const rank = { public: 0, authorised: 1, internal: 2 } as const;
  if (rank[to] <= rank[from] || publishedRows === 0) return null;
  const where = from === "public" ? "公开页面、开放数据文件和公开接口" : "授权查询接口";
  return `该数据项目前有 ${publishedRows} 条记录在${where}中提供；改为“${CLASSIFICATIONS[to]}”后将立即撤下，已下载的文件不受影响。请勾选确认后再保存。`;
}

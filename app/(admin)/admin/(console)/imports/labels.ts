export const MODE_LABEL = { keep_good: "导入正确的行", all_or_nothing: "全部或全不" } as const;
export const KIND_LABEL = { penalty: "行政处罚", licence: "行政许可" } as const;

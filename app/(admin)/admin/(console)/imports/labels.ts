export { IMPORT_MODE_LABEL as MODE_LABEL } from "@/lib/records/import-file";
export const KIND_LABEL = { penalty: "行政处罚", licence: "行政许可" } as const;

/**
 * datapackage.json (Frictionless Data Package, https://specs.frictionlessdata.io/data-package/) for the open-data
 * files (issue 25 §4): each file with its fields, size, digest, licence and how often it is produced.
 */
export type PackageFile = {
  dataset: string;
  format: "csv" | "json";
  bytes: number;
  sha256: string;
  rows: number;
  generation: number;
  finishedAt: string;
};
export type PackageDataset = { key: string; title: string; columns: readonly (readonly [string, string])[] };

const DATE_KEYS = /(Date|Until|From|To|On)$/;

/** A column's Table Schema type, from its name: the record number, amounts, dates, the receipt instant. */
export function fieldType(key: string): string {
  if (key === "id") return "integer";
  if (key === "receivedAt") return "datetime";
  if (/Amount$/.test(key)) return "number";
  if (DATE_KEYS.test(key)) return "date";
  return "string";
}

export const OPEN_DATA_LICENSE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "知识共享署名 4.0 国际许可协议（使用时请注明来源：信用江西）",
};

export function dataPackage(o: {
  datasets: PackageDataset[];
  files: PackageFile[];
  origin: string;
  updateFrequency: string;
}) {
  const byKey = new Map(o.datasets.map((d) => [d.key, d]));
  return {
    profile: "data-package",
    name: "credit-jiangxi",
    title: "信用江西 公共信用信息开放数据",
    homepage: `${o.origin}/open-data`,
    licenses: [OPEN_DATA_LICENSE],
    updateFrequency: o.updateFrequency,
    resources: o.files
      .filter((f) => byKey.has(f.dataset))
      .map((f) => {
        const d = byKey.get(f.dataset) as PackageDataset;
        return {
          name: `${f.dataset}-${f.format}`,
          title: d.title,
          path: `${o.origin}/open-data/${f.dataset}.${f.format}`,
          format: f.format,
          mediatype: f.format === "csv" ? "text/csv" : "application/json",
          encoding: "utf-8",
          bytes: f.bytes,
          hash: `sha256:${f.sha256}`,
          rows: f.rows,
          version: f.generation,
          created: f.finishedAt,
          licenses: [OPEN_DATA_LICENSE],
          schema: {
            fields: d.columns.map(([name, title]) => ({
              name: f.format === "csv" ? title : name,
              title,
              type: f.format === "json" && name === "history" ? "array" : fieldType(name),
            })),
            primaryKey: f.format === "csv" ? "记录编号" : "id",
          },
          deltas: `${o.origin}/open-data/${f.dataset}.${f.format}?since={版本号或时间}`,
        };
      }),
  };
}

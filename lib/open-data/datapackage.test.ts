import { describe, expect, it } from "vitest";
import { dataPackage, fieldType } from "./datapackage";

describe("datapackage.json (issue 25 §4, Frictionless Data Package)", () => {
  it("types a column by its name", () => {
    expect(["id", "fineAmount", "decisionDate", "receivedAt", "name"].map(fieldType)).toEqual([
      "integer",
      "number",
      "date",
      "datetime",
      "string",
    ]);
  });
  it("one resource per file, with size, hash, licence and the CSV's Chinese field names", () => {
    const p = dataPackage({
      datasets: [{ key: "penalties", title: "行政处罚", columns: [["id", "记录编号"]] }],
      files: [
        {
          dataset: "penalties",
          format: "csv",
          bytes: 10,
          sha256: "ab",
          rows: 1,
          generation: 3,
          finishedAt: "t",
        },
      ],
      origin: "https://x",
      updateFrequency: "每日",
    });
    expect(p.resources).toEqual([
      expect.objectContaining({
        name: "penalties-csv",
        path: "https://x/open-data/penalties.csv",
        bytes: 10,
        hash: "sha256:ab",
        version: 3,
        schema: {
          fields: [{ name: "记录编号", title: "记录编号", type: "integer" }],
          primaryKey: "记录编号",
        },
      }),
    ]);
    expect(p.licenses[0]?.name).toBe("CC-BY-4.0");
  });
});

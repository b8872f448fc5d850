import { describe, expect, it } from "vitest";
import { curveTable } from "./bench-curve";

// issue 24 §1: the cost curve is one column per data set, smallest first, whatever order the files came in
describe("curveTable", () => {
  const run = (subjects: number, records: number, rps: number) => ({
    subjects,
    records,
    endpoints: { lookup: { rps, concurrency: 4, p50: 3.21, p95: 9.87, p99: 12 } },
    regrade_all_s: subjects / 100_000,
  });
  it("orders the columns by size and writes each endpoint's throughput and percentiles", () => {
    const t = curveTable([run(5_000_000, 50_000_000, 150), run(200_000, 2_000_000, 300)]).split("\n");
    expect(t[0]).toBe("| | 200k subjects / 2M records | 5M subjects / 50M records |");
    expect(t[2]).toContain("| 300 req/s (c=4) · p50 3.2 / p95 9.9 ms | 150 req/s (c=4)");
    expect(t.find((l) => l.startsWith("| full regrade"))).toBe("| full regrade | 2 s | 50 s |");
  });
  it("shows a dash where a run lacks a figure", () => {
    const t = curveTable([{ subjects: 1_000_000, records: 10_000_000 }]);
    expect(t).toContain("| full regrade | — |");
  });
});

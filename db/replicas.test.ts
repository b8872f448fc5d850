import { describe, expect, it } from "vitest";
import { eligibleReplicas, lsnValue, replayLagMs } from "./replicas";

describe("WAL positions (issue 24 §3: read-your-writes compares them)", () => {
  it("orders positions across the 32-bit boundary", () => {
    expect(lsnValue("0/3000060")).toBe(0x3000060n);
    expect(lsnValue("16/B374D848")).toBe((0x16n << 32n) | 0xb374d848n);
    expect(lsnValue("1/0") > lsnValue("0/FFFFFFFF")).toBe(true);
  });
  it("refuses what is not a position", () => {
    expect(() => lsnValue("16-B374D848")).toThrow();
    expect(() => lsnValue("")).toThrow();
  });
});

describe("replay lag", () => {
  it("is none once the primary's position is replayed, however long ago the last commit was", () => {
    expect(replayLagMs({ replayed: 10n, primary: 10n, sinceLastReplayMs: 60_000 })).toBe(0);
  });
  it("is the time since the last replayed commit while behind; unknown counts as too far", () => {
    expect(replayLagMs({ replayed: 9n, primary: 10n, sinceLastReplayMs: 750 })).toBe(750);
    expect(replayLagMs({ replayed: 9n, primary: 10n, sinceLastReplayMs: null })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe("which replicas a read may use", () => {
  const up = { state: "up" as const, replayed: 100n };
  it("only those up", () => {
    expect(
      eligibleReplicas(
        [up, { state: "lagging", replayed: 100n }, { state: "down", replayed: null }],
        undefined,
      ),
    ).toEqual([up]);
  });
  it("for a visitor who wrote, only those that replayed the write", () => {
    expect(eligibleReplicas([up], 100n)).toEqual([up]);
    expect(eligibleReplicas([up], 101n)).toEqual([]);
    expect(eligibleReplicas([{ state: "up", replayed: null }], 1n)).toEqual([]);
  });
});

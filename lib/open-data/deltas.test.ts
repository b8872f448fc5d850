import { describe, expect, it } from "vitest";
import { parseSince, removalReason } from "./deltas";

const NOW = new Date("2026-12-05T04:00:00Z");

describe("parseSince — a mirror's since (issue 25 §3)", () => {
  it("a number is a version (change id)", () => {
    expect(parseSince("42", NOW)).toEqual({ kind: "generation", id: 42 });
  });
  it("an ISO time, or a date read as midnight in China", () => {
    expect(parseSince("2026-12-01", NOW)).toEqual({ kind: "time", at: new Date("2026-11-30T16:00:00Z") });
    expect(parseSince("2026-12-01T08:00:00+08:00", NOW)).toMatchObject({ kind: "time" });
  });
  it("the future, nonsense and impossible dates are refused in Chinese", () => {
    expect(parseSince("2999-01-01", NOW)).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/不能晚于/),
    });
    expect(parseSince("昨天", NOW)).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/变更编号/),
    });
    expect(parseSince("2026-13-45", NOW)).toMatchObject({ kind: "invalid" });
  });
});

describe("removalReason — a tombstone's reason", () => {
  it.each([
    [{ exists: false }, "记录已删除"],
    [{ exists: true, status: "withdrawn" }, "撤销"],
    [{ exists: true, removalReason: "revoked" }, "撤销"],
    [{ exists: true, status: "repaired" }, "信用修复"],
    [{ exists: true, status: "active", expired: true }, "公示期（有效期）届满"],
    [{ exists: true, status: "active", undisclosed: true }, "依公示标准不予公示"],
    [{ exists: true, status: "active", notCatalogued: true }, "目录调整为非公开"],
  ])("%j → %s", (facts, reason) => {
    expect(removalReason(facts)).toBe(reason);
  });
});

import { describe, expect, it } from "vitest";
import { formatCount, formatDateZh, formatTimeZh } from "./format";

describe("format — how the portal prints numbers, dates and moments", () => {
  it("headline counts in the Chinese way", () => {
    expect(formatCount(12_345)).toBe("12,345");
    expect(formatCount(123_456)).toBe("12.3 万");
    expect(formatCount(123_456_789)).toBe("1.23 亿");
  });

  it("a date in Chinese", () => {
    expect(formatDateZh("2026-02-05")).toBe("2026年2月5日");
  });

  it("a moment in China time, whatever the server's zone (18:05 UTC is 02:05 the next day in Jiangxi)", () => {
    const at = new Date("2026-12-01T18:05:07Z"); // 02:05 on 12-02 in China
    expect(formatTimeZh(at)).toBe("2026/12/2 02:05");
    expect(formatTimeZh(at, "seconds")).toBe("2026/12/2 02:05:07");
    expect(formatTimeZh(at, "long")).toBe("2026年12月2日 02:05");
  });
});

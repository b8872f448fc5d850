import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  chinaDate,
  chinaDateTime,
  chinaIso,
  compareDates,
  daysBetween,
  firstDayOfLastMonths,
  isIsoDate,
  lastMonths,
  weekday,
} from "./dates";

describe("isIsoDate — YYYY-MM-DD real calendar dates", () => {
  it.each(["2024-02-29", "2000-02-29", "2025-12-31", "1970-01-01"])("accepts %s", (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each([
    "2023-02-29", // not a leap year
    "1900-02-29", // century year, not leap
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-1-01",
    "2024-01-1",
    "20240101",
    "2024/01/01",
    "2024-01-01T00:00:00Z",
    " 2024-01-01",
    "",
  ])("rejects %j", (d) => {
    expect(isIsoDate(d)).toBe(false);
  });
});

describe("addDays — plain calendar arithmetic", () => {
  it("crosses month, leap-day and year boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01"); // 2024 has 366 days
  });
  it("supports zero and negative days", () => {
    expect(addDays("2025-10-01", 0)).toBe("2025-10-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });
});

describe("addMonths — Civil Code art. 202: corresponding day, else the last day of the month", () => {
  it("2024-01-31 + 1 month = 2024-02-29 (leap year clamp)", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
  });
  it("2023-01-31 + 1 month = 2023-02-28 (common year clamp)", () => {
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
  });
  it("2024-05-31 + 1 month = 2024-06-30 (30-day month clamp)", () => {
    expect(addMonths("2024-05-31", 1)).toBe("2024-06-30");
  });
  it("2024-02-29 + 12 months = 2025-02-28; + 48 months = 2028-02-29", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
  });
  it("does not accumulate clamping: 2024-01-31 + 2 months = 2024-03-31", () => {
    expect(addMonths("2024-01-31", 2)).toBe("2024-03-31");
  });
  it("keeps the day when it exists, across year ends", () => {
    expect(addMonths("2024-01-15", 1)).toBe("2024-02-15");
    expect(addMonths("2024-11-30", 3)).toBe("2025-02-28");
    expect(addMonths("2025-10-08", 36)).toBe("2028-10-08");
    expect(addMonths("2025-12-31", 0)).toBe("2025-12-31");
  });
  it("supports negative months with the same clamping", () => {
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2025-01-15", -1)).toBe("2024-12-15");
  });
});

describe("weekday — 0 = Sunday … 6 = Saturday", () => {
  it("matches known dates", () => {
    expect(weekday("1970-01-01")).toBe(4); // Thursday
    expect(weekday("2025-10-01")).toBe(3); // Wednesday (National Day 2025)
    expect(weekday("2025-09-28")).toBe(0); // Sunday (调休 workday)
    expect(weekday("2025-10-11")).toBe(6); // Saturday (调休 workday)
    expect(weekday("2024-02-29")).toBe(4); // Thursday
  });
  it("agrees with an independent Date.UTC computation over a whole year", () => {
    for (let i = 0; i < 366; i++) {
      const d = new Date(Date.UTC(2024, 0, 1 + i));
      const iso = d.toISOString().slice(0, 10);
      expect(weekday(iso), iso).toBe(d.getUTCDay());
    }
  });
});

describe("compareDates / daysBetween", () => {
  it("compareDates orders chronologically", () => {
    expect(compareDates("2024-01-01", "2024-01-02")).toBeLessThan(0);
    expect(compareDates("2024-12-31", "2024-02-01")).toBeGreaterThan(0);
    expect(compareDates("2024-02-29", "2024-02-29")).toBe(0);
  });
  it("daysBetween(from, to) = to − from in days", () => {
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("2025-10-01", "2025-10-01")).toBe(0);
  });
});

describe("chinaDate — calendar date in China Standard Time (UTC+8)", () => {
  it("16:00 UTC is already the next day in China", () => {
    expect(chinaDate(new Date("2025-09-30T16:00:00Z"))).toBe("2025-10-01");
    expect(chinaDate(new Date("2025-09-30T15:59:59.999Z"))).toBe("2025-09-30");
  });
  it("crosses the year end", () => {
    expect(chinaDate(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01-01");
  });
  it("is independent of an offset in the input string", () => {
    expect(chinaDate(new Date("2025-10-01T00:30:00+08:00"))).toBe("2025-10-01");
    expect(chinaDate(new Date("2025-10-01T23:59:00+08:00"))).toBe("2025-10-01");
  });
});

describe("firstDayOfLastMonths (issue 10: 近 12 个月 is twelve months, this one included)", () => {
  it("starts eleven months before the current month", () => {
    expect(firstDayOfLastMonths("2026-12-01", 12)).toBe("2026-01-01");
    expect(firstDayOfLastMonths("2026-03-31", 12)).toBe("2025-04-01");
    expect(firstDayOfLastMonths("2026-03-31", 1)).toBe("2026-03-01");
  });
  it("lists those months, oldest first", () => {
    expect(lastMonths("2026-03-31", 12)).toEqual([
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
  });
});

describe("China time for people and machines (issue 21: every time read is China time, with +08:00 in files)", () => {
  it("shows an instant late in the UTC day on the next China day", () => {
    const i = new Date("2026-12-04T17:30:05Z");
    expect(chinaDateTime(i)).toBe("2026-12-05 01:30:05");
    expect(chinaIso(i)).toBe("2026-12-05T01:30:05+08:00");
    expect(new Date(chinaIso(i)).getTime()).toBe(i.getTime());
  });
});

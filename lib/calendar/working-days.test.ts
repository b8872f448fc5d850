import { describe, expect, it } from "vitest";
import { type CalendarException, workingCalendar } from "./working-days";

// Independent day iterator (Date.UTC) for building fixtures and loops.
function plusDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) out.push(d);
  return out;
}

/*
 * Fixtures from the State Council General Office notices (国务院办公厅关于节假日安排的通知):
 * 2025 国庆节、中秋节: 10月1日至8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班。
 * 2026 春节: 2月15日（腊月二十八）至23日（正月初七）放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
 */
const EXCEPTIONS: CalendarException[] = [
  ...range("2025-10-01", "2025-10-08").map((date) => ({ date, kind: "holiday" as const })),
  { date: "2025-09-28", kind: "workday" },
  { date: "2025-10-11", kind: "workday" },
  ...range("2026-02-15", "2026-02-23").map((date) => ({ date, kind: "holiday" as const })),
  { date: "2026-02-14", kind: "workday" },
  { date: "2026-02-28", kind: "workday" },
];
const cal = workingCalendar(EXCEPTIONS);

describe("isWorkingDay — DOMAIN §7: Mon–Fri, minus holidays, plus 调休 workdays", () => {
  it("2025 National Day/Mid-Autumn: 10-01..10-08 are all non-working (incl. weekdays)", () => {
    for (const d of range("2025-10-01", "2025-10-08")) expect(cal.isWorkingDay(d), d).toBe(false);
  });
  it("2025 调休: Sun 09-28 and Sat 10-11 are working days", () => {
    expect(cal.isWorkingDay("2025-09-28")).toBe(true);
    expect(cal.isWorkingDay("2025-10-11")).toBe(true);
  });
  it("ordinary weekends around it stay non-working (Sat 09-27, Sun 10-12)", () => {
    expect(cal.isWorkingDay("2025-09-27")).toBe(false);
    expect(cal.isWorkingDay("2025-10-12")).toBe(false);
  });
  it("ordinary weekdays are working (Tue 09-30, Thu 10-09, Mon 10-13)", () => {
    expect(cal.isWorkingDay("2025-09-30")).toBe(true);
    expect(cal.isWorkingDay("2025-10-09")).toBe(true);
    expect(cal.isWorkingDay("2025-10-13")).toBe(true);
  });
  it("2026 Spring Festival: 02-15..02-23 off, Sat 02-14 and Sat 02-28 working, Sun 03-01 off", () => {
    for (const d of range("2026-02-15", "2026-02-23")) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay("2026-02-14")).toBe(true);
    expect(cal.isWorkingDay("2026-02-28")).toBe(true);
    expect(cal.isWorkingDay("2026-03-01")).toBe(false);
    expect(cal.isWorkingDay("2026-02-24")).toBe(true);
  });
  it("an empty calendar is plain Mon–Fri", () => {
    const plain = workingCalendar([]);
    expect(plain.isWorkingDay("2025-10-01")).toBe(true); // a Wednesday
    expect(plain.isWorkingDay("2025-09-28")).toBe(false); // a Sunday
    expect(plain.isWorkingDay("2025-10-11")).toBe(false); // a Saturday
  });
});

describe("addWorkingDays — the n-th working day after `from` (start day not counted)", () => {
  it("skips the whole National Day holiday: 09-30 + 1 = 10-09", () => {
    expect(cal.addWorkingDays("2025-09-30", 1)).toBe("2025-10-09");
    expect(cal.addWorkingDays("2025-09-30", 2)).toBe("2025-10-10");
    expect(cal.addWorkingDays("2025-09-30", 3)).toBe("2025-10-11"); // 调休 Saturday counts
    expect(cal.addWorkingDays("2025-09-30", 4)).toBe("2025-10-13"); // Sunday 10-12 skipped
  });
  it("counts the 调休 Sunday: Fri 09-26 + 1 = Sun 09-28", () => {
    expect(cal.addWorkingDays("2025-09-26", 1)).toBe("2025-09-28");
  });
  it("starting on a holiday or weekend", () => {
    expect(cal.addWorkingDays("2025-10-03", 1)).toBe("2025-10-09");
    expect(cal.addWorkingDays("2025-10-12", 1)).toBe("2025-10-13");
  });
  it("n = 0 from a working day is that day", () => {
    expect(cal.addWorkingDays("2025-09-30", 0)).toBe("2025-09-30");
  });
  it("DOMAIN §7 repair: accept ≤ 2 working days, decide ≤ 5 working days after acceptance (2026 春节)", () => {
    const accepted = cal.addWorkingDays("2026-02-13", 2); // Sat 02-14 (调休), then Tue 02-24
    expect(accepted).toBe("2026-02-24");
    // 02-25, 02-26, 02-27, Sat 02-28 (调休), Mon 03-02
    expect(cal.addWorkingDays(accepted, 5)).toBe("2026-03-02");
  });
  it("DOMAIN §8 objection: 15 working days from Fri 2025-09-26 = 2025-10-23", () => {
    // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13..10-17 (5), 10-20..10-23 (4) → 15
    expect(cal.addWorkingDays("2025-09-26", 15)).toBe("2025-10-23");
  });
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("throws RangeError for n = %s", (n) => {
    expect(() => cal.addWorkingDays("2025-09-30", n)).toThrow(RangeError);
  });
});

describe("workingDaysBetween — working days in (from, to]", () => {
  it("is 0 for the same day and across a whole holiday block", () => {
    expect(cal.workingDaysBetween("2025-09-30", "2025-09-30")).toBe(0);
    expect(cal.workingDaysBetween("2025-09-30", "2025-10-08")).toBe(0);
  });
  it("excludes `from`, includes `to`", () => {
    expect(cal.workingDaysBetween("2025-09-29", "2025-09-30")).toBe(1);
    expect(cal.workingDaysBetween("2025-09-30", "2025-10-09")).toBe(1);
  });
  it("counts 调休 workdays: (Fri 09-26, Mon 10-13] = 7", () => {
    // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13
    expect(cal.workingDaysBetween("2025-09-26", "2025-10-13")).toBe(7);
  });
  it("2026 春节: (Fri 02-13, Mon 03-02] = 7", () => {
    // 02-14, 02-24, 02-25, 02-26, 02-27, 02-28, 03-02
    expect(cal.workingDaysBetween("2026-02-13", "2026-03-02")).toBe(7);
  });
  it("is the inverse of addWorkingDays", () => {
    for (const from of ["2025-09-26", "2025-09-30", "2025-10-05", "2026-02-12", "2026-02-20"]) {
      for (let n = 0; n <= 20; n++) {
        if (n === 0 && !cal.isWorkingDay(from)) continue;
        expect(cal.workingDaysBetween(from, cal.addWorkingDays(from, n)), `${from} + ${n}`).toBe(n);
      }
    }
  });
});

describe("fixture cross-check against the chinese-days data set (independent source)", () => {
  it("agrees day by day over 2025-09-20..2025-10-20 and 2026-02-08..2026-03-08", async () => {
    const { isWorkday } = await import("chinese-days");
    for (const d of [...range("2025-09-20", "2025-10-20"), ...range("2026-02-08", "2026-03-08")]) {
      expect(cal.isWorkingDay(d), d).toBe(isWorkday(d));
    }
  });
});

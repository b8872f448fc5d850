import { describe, expect, it } from "vitest";
import { calendarDayProblem, type OpenDeadline, recomputeDeadlines } from "./calendar-edit";
import { workingCalendar } from "./working-days";

describe("calendarDayProblem — issue 14 §3: what a calendar day may be", () => {
  it("a 调休 workday must be a weekend day; a holiday may fall on any day", () => {
    expect(calendarDayProblem({ date: "2026-02-14", kind: "workday" })).toBeNull(); // Saturday
    expect(calendarDayProblem({ date: "2026-02-16", kind: "workday" })).toContain("是工作日");
    expect(calendarDayProblem({ date: "2026-02-16", kind: "holiday" })).toBeNull();
    expect(calendarDayProblem({ date: "2026-02-30", kind: "holiday" })).toContain("YYYY-MM-DD");
  });
});

describe("recomputeDeadlines — issue 14 §3: an edit recounts every open deadline", () => {
  // a repair submitted Thu 2026-12-03 is due for acceptance 2 working days later: Mon 2026-12-07
  const open: OpenDeadline[] = [
    { ref: "repair:1", label: "XF1", from: "2026-12-03", workingDays: 2, due: "2026-12-07" },
  ];

  it("a new holiday on Fri 12-04 moves the deadline to Tue 12-08", () => {
    const r = recomputeDeadlines(
      open,
      workingCalendar([{ date: "2026-12-04", kind: "holiday" }]),
      "2026-12-03",
    );
    expect(r.changed).toEqual([{ ...open[0], next: "2026-12-08" }]);
    expect(r.intoThePast).toEqual([]);
  });

  it("an unchanged deadline is not reported", () => {
    expect(recomputeDeadlines(open, workingCalendar([]), "2026-12-03").changed).toEqual([]);
  });

  it("a 调休 Saturday that would pull a running deadline before today is reported as such", () => {
    // Sat 12-05 made a workday: due Sat 12-05 instead of Mon 12-07; seen on Sun 12-06 it is in the past
    const r = recomputeDeadlines(
      open,
      workingCalendar([{ date: "2026-12-05", kind: "workday" }]),
      "2026-12-06",
    );
    expect(r.intoThePast.map((d) => d.next)).toEqual(["2026-12-05"]);
  });

  it("a deadline already past before the edit is moved but not counted as pulled into the past", () => {
    const late = [{ ...open[0], due: "2026-12-07" }] as OpenDeadline[];
    const r = recomputeDeadlines(
      late,
      workingCalendar([{ date: "2026-12-05", kind: "workday" }]),
      "2026-12-09",
    );
    expect(r.changed).toHaveLength(1);
    expect(r.intoThePast).toEqual([]);
  });
});

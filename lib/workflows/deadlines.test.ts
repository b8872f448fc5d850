import { describe, expect, it } from "vitest";
import { type CalendarException, workingCalendar } from "../calendar/working-days";
import { dueOn, standing, standingText } from "./deadlines";

// Independent day iterator (Date.UTC), only for building the fixture.
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
 * State Council General Office notice on the 2026 holidays (国务院办公厅关于2026年部分节假日安排的通知):
 * 春节: 2月15日（腊月二十八）至23日（正月初七）放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
 *
 * February 2026 (2026-02-01 is a Sunday):
 *   Mon  Tue  Wed  Thu  Fri  Sat  Sun
 *                   12   13  [14]  15      [ ] = 调休 workday, 15..23 = holiday
 *    16   17   18   19   20   21   22
 *    23   24   25   26   27  [28]  03-01
 *   03-02
 */
const SPRING_FESTIVAL_2026: CalendarException[] = [
  ...range("2026-02-15", "2026-02-23").map((date) => ({ date, kind: "holiday" as const })),
  { date: "2026-02-14", kind: "workday" },
  { date: "2026-02-28", kind: "workday" },
];
const cal = workingCalendar(SPRING_FESTIVAL_2026);
const plain = workingCalendar([]);

describe("dueOn — DOMAIN §7 deadlines count Chinese working days; the arrival day is not counted", () => {
  it("a repair submitted Fri 2026-02-13 must be accepted (≤ 2 working days) by Tue 2026-02-24", () => {
    // working day 1 = Sat 02-14 (调休); 02-15..02-23 are the holiday; working day 2 = Tue 02-24
    expect(dueOn(cal, "2026-02-13", 2)).toBe("2026-02-24");
  });

  it("a 5-working-day decision from acceptance on Thu 2026-02-12 spans the holiday: due Thu 2026-02-26", () => {
    // 1 = Fri 02-13, 2 = Sat 02-14 (调休), [02-15..02-23 holiday], 3 = Tue 02-24, 4 = Wed 02-25, 5 = Thu 02-26
    expect(dueOn(cal, "2026-02-12", 5)).toBe("2026-02-26");
  });

  it("accepted on Tue 2026-02-24, the 5-working-day decision is due Mon 2026-03-02", () => {
    // 1 = Wed 02-25, 2 = Thu 02-26, 3 = Fri 02-27, 4 = Sat 02-28 (调休), [Sun 03-01], 5 = Mon 03-02
    expect(dueOn(cal, "2026-02-24", 5)).toBe("2026-03-02");
  });

  it("the 调休 Saturday 2026-02-28 is a working day: 2 working days from Thu 02-26 end on it", () => {
    // with the notice: 1 = Fri 02-27, 2 = Sat 02-28 (调休)
    expect(dueOn(cal, "2026-02-26", 2)).toBe("2026-02-28");
    // without it (plain Mon–Fri) the same count would run to 1 = Fri 02-27, 2 = Mon 03-02
    expect(dueOn(plain, "2026-02-26", 2)).toBe("2026-03-02");
  });

  it("a case arriving during the holiday (online, Wed 2026-02-18) starts counting after it", () => {
    // 1 = Tue 02-24 (first day after the holiday), 2 = Wed 02-25
    expect(dueOn(cal, "2026-02-18", 2)).toBe("2026-02-25");
  });
});

describe("standing — working days left to a deadline (DOMAIN §7, STYLE: shown as 'working days left')", () => {
  // the acceptance deadline of the repair submitted Fri 2026-02-13 (see above)
  const due = "2026-02-24";

  it("on the due day: 0 left and still in time", () => {
    expect(standing(cal, due, "2026-02-24")).toEqual({ due, overdue: false, workingDaysLeft: 0 });
  });

  it("on the day the case arrived: 2 left, though 11 calendar days remain", () => {
    // working days in (02-13, 02-24]: Sat 02-14 (调休) and Tue 02-24
    expect(standing(cal, due, "2026-02-13")).toEqual({ due, overdue: false, workingDaysLeft: 2 });
  });

  it("on the 调休 Saturday and during the holiday: 1 left", () => {
    // (02-14, 02-24] and (02-20, 02-24] both hold only Tue 02-24
    expect(standing(cal, due, "2026-02-14")).toEqual({ due, overdue: false, workingDaysLeft: 1 });
    expect(standing(cal, due, "2026-02-20")).toEqual({ due, overdue: false, workingDaysLeft: 1 });
  });

  it("the day after the due day: overdue by 1 working day", () => {
    // (02-24, 02-25] = Wed 02-25
    expect(standing(cal, due, "2026-02-25")).toEqual({ due, overdue: true, workingDaysLeft: -1 });
  });

  it("a week later: overdue by 5 working days, the 调休 Saturday 02-28 among them", () => {
    // (02-24, 03-02] = 02-25, 02-26, 02-27, Sat 02-28 (调休), Mon 03-02; Sun 03-01 is off
    expect(standing(cal, due, "2026-03-02")).toEqual({ due, overdue: true, workingDaysLeft: -5 });
  });

  it("a deadline on Sat 2026-02-14 missed over the holiday: overdue by 2 working days on Wed 02-25", () => {
    // due = 2 working days from Thu 02-12: 1 = Fri 02-13, 2 = Sat 02-14 (调休)
    const satDue = "2026-02-14";
    // (02-14, 02-25] = Tue 02-24, Wed 02-25 — the nine holiday days count for nothing
    expect(standing(cal, satDue, "2026-02-25")).toEqual({ due: satDue, overdue: true, workingDaysLeft: -2 });
  });

  it("during the holiday after a Saturday deadline: overdue, though no working day has yet passed", () => {
    // (02-14, 02-18] holds only holiday days
    const s = standing(cal, "2026-02-14", "2026-02-18");
    expect(s.overdue).toBe(true);
    expect(Math.abs(s.workingDaysLeft)).toBe(0);
  });
});

describe("standingText — the badge and the digests say a deadline's standing alike (issue 11 §5)", () => {
  const due = "2026-02-24";

  it("working days left, the due day itself, and overdue by working days", () => {
    expect(standingText(standing(cal, due, "2026-02-13"))).toBe("剩 2 个工作日");
    expect(standingText(standing(cal, due, "2026-02-24"))).toBe("今日到期");
    expect(standingText(standing(cal, due, "2026-03-02"))).toBe("已超期 5 个工作日");
  });

  it("missed during a holiday, before any working day has passed: overdue without a count", () => {
    expect(standingText(standing(cal, "2026-02-14", "2026-02-18"))).toBe("已超期");
  });
});

import { describe, expect, it } from "vitest";
import {
  breachPublicUntil,
  breachRepairableFrom,
  listEntryRepairableFrom,
  type RepairTarget,
  repairRefusal,
} from "./repair-eligibility";

/*
 * Periods follow Civil Code arts. 201–202 as lib/calendar/dates.ts addMonths and lib/records/publicity.ts do:
 * the start day is not counted; a period of months ends on the corresponding day of the last month, or on
 * that month's last day if it has none; repair is possible from the day after the minimum period ends.
 * Every expected date below was worked out by hand.
 */
const open: RepairTarget = { repairableFrom: "2026-06-16", unrepairable: false, closed: false };
const RETRY = 6; // DOMAIN §7 (ours): a refused repair of the same record may be applied for again after 6 months

describe("repairRefusal — DOMAIN §7 what is not accepted", () => {
  it("a record no longer public (repaired, withdrawn, expired) has nothing to repair, and no date to wait for", () => {
    const r = repairRefusal({ ...open, closed: true }, "2026-07-01", null, RETRY);
    expect(r).not.toBeNull();
    expect(r?.possibleFrom).toBeUndefined();
    // closed even before the minimum period: waiting would not help either
    expect(repairRefusal({ ...open, closed: true }, "2026-06-01", null, RETRY)?.possibleFrom).toBeUndefined();
  });

  it("a record the law marks unrepairable (e.g. barred for life) is refused for good, whatever the date", () => {
    const r = repairRefusal({ ...open, unrepairable: true }, "2030-01-01", null, RETRY);
    expect(r).not.toBeNull();
    expect(r?.possibleFrom).toBeUndefined();
  });

  it("a kind of record never repaired (repairableFrom null, e.g. 市场禁入) is refused for good", () => {
    const r = repairRefusal({ ...open, repairableFrom: null }, "2030-01-01", null, RETRY);
    expect(r).not.toBeNull();
    expect(r?.possibleFrom).toBeUndefined();
  });

  it("the minimum publicity period not yet passed: refused, naming the first possible day", () => {
    const r = repairRefusal(open, "2026-06-15", null, RETRY); // the last day of the minimum period
    expect(r?.possibleFrom).toBe("2026-06-16");
    expect(r?.reason).toContain("2026-06-16");
  });

  it("on exactly repairableFrom an application may be made", () => {
    expect(repairRefusal(open, "2026-06-16", null, RETRY)).toBeNull();
  });

  it("after repairableFrom an application may be made", () => {
    expect(repairRefusal(open, "2027-01-05", null, RETRY)).toBeNull();
  });
});

describe("repairRefusal — DOMAIN §7 (ours): a repair refused less than 6 months ago is not accepted again", () => {
  it("refused 5 months ago: refused, possible again 6 months after the refusal", () => {
    // refused 2026-07-15; + 6 months = 2027-01-15; today 2026-12-15 is 5 months after
    const r = repairRefusal(open, "2026-12-15", "2026-07-15", RETRY);
    expect(r?.possibleFrom).toBe("2027-01-15");
    expect(r?.reason).toContain("2026-07-15");
    expect(r?.reason).toContain("2027-01-15");
  });

  it("refused one day short of 6 months ago: still refused", () => {
    // refused 2026-07-16; + 6 months = 2027-01-16 > today 2027-01-15
    expect(repairRefusal(open, "2027-01-15", "2026-07-16", RETRY)?.possibleFrom).toBe("2027-01-16");
  });

  it("refused 6 months ago: accepted again", () => {
    expect(repairRefusal(open, "2027-01-15", "2026-07-15", RETRY)).toBeNull();
  });

  it("6 months from the end of a month end on the last day of a shorter month (Civil Code art. 202)", () => {
    // refused 2026-08-31; February 2027 has no 31st → 6 months run to 2027-02-28
    expect(repairRefusal(open, "2027-02-27", "2026-08-31", RETRY)?.possibleFrom).toBe("2027-02-28");
    expect(repairRefusal(open, "2027-02-28", "2026-08-31", RETRY)).toBeNull();
  });

  it("the retry period is a setting (ours): with 3 months, a refusal 5 months ago no longer bars", () => {
    expect(repairRefusal(open, "2026-12-15", "2026-07-15", 3)).toBeNull();
    // and with 3 months, 2 months after: possible from refusal + 3 months = 2026-10-15
    expect(repairRefusal(open, "2026-09-15", "2026-07-15", 3)?.possibleFrom).toBe("2026-10-15");
  });
});

describe("repairRefusal — both rules at once: the date given is the first day both allow", () => {
  it("before the minimum period, with a refusal whose 6 months end later, names the later day", () => {
    // refused 2026-03-01 (records' dates edited since): retry from 2026-09-01, later than 2026-06-16
    const r = repairRefusal(open, "2026-05-01", "2026-03-01", RETRY);
    expect(r?.possibleFrom).toBe("2026-09-01");
    expect(r?.reason).toContain("2026-09-01 起可再次申请");
  });
});

describe("违诺 (DOMAIN §6: a negative record of its own; ours: periods of a 一般失信 penalty, §4)", () => {
  it("breach on 2026-11-30: repairable from 2027-03-01, public until 2027-11-30", () => {
    // + 3 months → February 2027 has no 30th → ends 2027-02-28; repairable the next day, 2027-03-01
    expect(breachRepairableFrom("2026-11-30")).toBe("2027-03-01");
    // + 12 months → 2027-11-30
    expect(breachPublicUntil("2026-11-30")).toBe("2027-11-30");
  });

  it("breach on 2026-05-10: repairable from 2026-08-11, public until 2027-05-10", () => {
    // + 3 months → 2026-08-10 (last day of the minimum period) → 2026-08-11
    expect(breachRepairableFrom("2026-05-10")).toBe("2026-08-11");
    expect(breachPublicUntil("2026-05-10")).toBe("2027-05-10");
  });

  it("breach on 2027-11-30 runs into a leap February: repairable from 2028-03-01", () => {
    // + 3 months → 2028-02-30 does not exist, 2028 is a leap year → ends 2028-02-29 → 2028-03-01
    expect(breachRepairableFrom("2027-11-30")).toBe("2028-03-01");
  });

  it("breach on a leap day 2028-02-29: public until 2029-02-28", () => {
    // + 12 months → 2029-02-29 does not exist → 2029-02-28
    expect(breachPublicUntil("2028-02-29")).toBe("2029-02-28");
  });
});

describe("listEntryRepairableFrom — DOMAIN §5/§7 list entries under their list's rules (ours)", () => {
  it("严重失信主体名单: 12 months from the entry's start", () => {
    // 2026-03-10 + 12 months = 2027-03-10 → repairable from 2027-03-11
    expect(listEntryRepairableFrom("serious_dishonesty", "2026-03-10")).toBe("2027-03-11");
    // leap day: 2024-02-29 + 12 months → 2025-02-28 → 2025-03-01
    expect(listEntryRepairableFrom("serious_dishonesty", "2024-02-29")).toBe("2025-03-01");
  });

  it("重点关注对象名单: 3 months from the entry's start", () => {
    // 2026-01-15 + 3 months = 2026-04-15 → 2026-04-16
    expect(listEntryRepairableFrom("key_attention", "2026-01-15")).toBe("2026-04-16");
    // 2026-11-30 + 3 months → 2027-02-28 → 2027-03-01
    expect(listEntryRepairableFrom("key_attention", "2026-11-30")).toBe("2027-03-01");
  });

  it("市场禁入 runs its term and is not repaired; a red-list entry is not negative: both null", () => {
    expect(listEntryRepairableFrom("market_ban", "2026-01-15")).toBeNull();
    expect(listEntryRepairableFrom("red", "2026-01-15")).toBeNull();
  });

  it("an unknown list kind is never taken as repairable", () => {
    expect(listEntryRepairableFrom("something_else", "2026-01-15")).toBeNull();
  });
});

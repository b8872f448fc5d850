import { describe, expect, it } from "vitest";
import {
  isListEntryInForce,
  isPenaltyPublic,
  isRepairWindowOpen,
  isWithinValidity,
  penaltyPublicityWindow,
  type Severity,
} from "./publicity";

// Independent day shift (Date.UTC), used only to name "the day before/after" a hand-computed date.
function plusDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/*
 * DOMAIN §4 + NDRC Order 58 (2023): 一般失信 min 3 / max 12 months, 严重失信 min 12 / max 36 months,
 * counted per Civil Code arts. 201–202: the decision day is not counted; a period of months ends on the
 * corresponding day of the last month, or on that month's last day if there is no corresponding day.
 *   publicUntil    = decision + max months (clamped)       — last public day (公示截止)
 *   minEnd         = decision + min months (clamped)       — last day of the minimum period
 *   repairableFrom = minEnd + 1 day                        — 可申请信用修复 自
 * All expected values below were computed by hand.
 */
type Case = {
  decision: string;
  severity: Severity;
  publicUntil: string;
  minEnd: string;
  repairableFrom: string;
  note: string;
};
const CASES: Case[] = [
  {
    note: "ordinary date, 一般 (3/12 months)",
    decision: "2025-03-15",
    severity: "general",
    minEnd: "2025-06-15",
    repairableFrom: "2025-06-16",
    publicUntil: "2026-03-15",
  },
  {
    note: "ordinary date, 严重 (12/36 months)",
    decision: "2025-03-15",
    severity: "serious",
    minEnd: "2026-03-15",
    repairableFrom: "2026-03-16",
    publicUntil: "2028-03-15",
  },
  {
    note: "leap day, 一般: +12 months has no 02-29 → 02-28",
    decision: "2024-02-29",
    severity: "general",
    minEnd: "2024-05-29",
    repairableFrom: "2024-05-30",
    publicUntil: "2025-02-28",
  },
  {
    note: "leap day, 严重: +12 → 2025-02-28, +36 → 2027-02-28",
    decision: "2024-02-29",
    severity: "serious",
    minEnd: "2025-02-28",
    repairableFrom: "2025-03-01",
    publicUntil: "2027-02-28",
  },
  {
    note: "month end 11-30, 一般: +3 → 2024-02-29 (leap)",
    decision: "2023-11-30",
    severity: "general",
    minEnd: "2024-02-29",
    repairableFrom: "2024-03-01",
    publicUntil: "2024-11-30",
  },
  {
    note: "month end 11-30, 一般: +3 → 2025-02-28 (common year)",
    decision: "2024-11-30",
    severity: "general",
    minEnd: "2025-02-28",
    repairableFrom: "2025-03-01",
    publicUntil: "2025-11-30",
  },
  {
    note: "month end 11-30, 严重",
    decision: "2023-11-30",
    severity: "serious",
    minEnd: "2024-11-30",
    repairableFrom: "2024-12-01",
    publicUntil: "2026-11-30",
  },
  {
    note: "08-31, 一般: +3 → 11-30 (30-day month)",
    decision: "2024-08-31",
    severity: "general",
    minEnd: "2024-11-30",
    repairableFrom: "2024-12-01",
    publicUntil: "2025-08-31",
  },
  {
    note: "year end, 一般: +3 → 03-31",
    decision: "2025-12-31",
    severity: "general",
    minEnd: "2026-03-31",
    repairableFrom: "2026-04-01",
    publicUntil: "2026-12-31",
  },
  {
    note: "year end, 严重",
    decision: "2025-12-31",
    severity: "serious",
    minEnd: "2026-12-31",
    repairableFrom: "2027-01-01",
    publicUntil: "2028-12-31",
  },
  {
    note: "02-28 of a common year is not a month end to snap to: +36 → 2024-02-28, not 02-29",
    decision: "2021-02-28",
    severity: "serious",
    minEnd: "2022-02-28",
    repairableFrom: "2022-03-01",
    publicUntil: "2024-02-28",
  },
];

describe("penaltyPublicityWindow — DOMAIN §4 periods, Civil Code arts. 201–202", () => {
  for (const c of CASES) {
    it(`${c.decision} ${c.severity}: ${c.note}`, () => {
      expect(penaltyPublicityWindow(c.decision, c.severity)).toEqual({
        publicFrom: c.decision, // DOMAIN §4: publicly shown from the decision date
        publicUntil: c.publicUntil,
        repairableFrom: c.repairableFrom,
      });
    });
  }
});

describe("isPenaltyPublic — DOMAIN §4: public from the decision date through 公示截止 (inclusive)", () => {
  const active = (c: Case) => ({
    decisionDate: c.decision,
    severity: c.severity,
    status: "active" as const,
    disclosable: true,
  });

  for (const c of CASES) {
    const label = `${c.decision} ${c.severity === "general" ? "一般失信 max 1 year" : "严重失信 max 3 years"}`;
    it(`${label}: not before the decision day, public on it`, () => {
      expect(isPenaltyPublic(active(c), plusDays(c.decision, -1))).toBe(false);
      expect(isPenaltyPublic(active(c), c.decision)).toBe(true);
    });
    it(`${label}: public the day before and the day of ${c.publicUntil}, gone the day after`, () => {
      expect(isPenaltyPublic(active(c), plusDays(c.publicUntil, -1))).toBe(true);
      expect(isPenaltyPublic(active(c), c.publicUntil)).toBe(true);
      expect(isPenaltyPublic(active(c), plusDays(c.publicUntil, 1))).toBe(false);
    });
    it(`${label}: still public around the minimum period end ${c.minEnd}`, () => {
      for (const d of [plusDays(c.minEnd, -1), c.minEnd, plusDays(c.minEnd, 1)]) {
        expect(isPenaltyPublic(active(c), d)).toBe(true);
      }
    });
  }

  it("withdrawn and repaired records are never public (DOMAIN §7/§8)", () => {
    const c = CASES[0] as Case;
    for (const status of ["withdrawn", "repaired"] as const) {
      for (const today of [c.decision, c.minEnd, c.publicUntil]) {
        expect(isPenaltyPublic({ ...active(c), status }, today)).toBe(false);
      }
    }
  });

  it("a non-disclosable penalty (DOMAIN §3 threshold) is never public", () => {
    const c = CASES[1] as Case;
    for (const today of [c.decision, c.minEnd, c.publicUntil]) {
      expect(isPenaltyPublic({ ...active(c), disclosable: false }, today)).toBe(false);
    }
  });
});

describe("isRepairWindowOpen — DOMAIN §7: only once the minimum publicity period has passed", () => {
  for (const c of CASES) {
    const label = `${c.decision} ${c.severity === "general" ? "一般失信 min 3 months" : "严重失信 min 1 year"}`;
    it(`${label}: closed the day before and the day of ${c.minEnd}, open from ${c.repairableFrom}`, () => {
      expect(isRepairWindowOpen(c.decision, c.severity, plusDays(c.minEnd, -1))).toBe(false);
      expect(isRepairWindowOpen(c.decision, c.severity, c.minEnd)).toBe(false);
      expect(isRepairWindowOpen(c.decision, c.severity, c.repairableFrom)).toBe(true);
      expect(isRepairWindowOpen(c.decision, c.severity, plusDays(c.repairableFrom, 1))).toBe(true);
    });
  }
  it("closed on the decision day itself", () => {
    expect(isRepairWindowOpen("2025-03-15", "general", "2025-03-15")).toBe(false);
    expect(isRepairWindowOpen("2025-03-15", "serious", "2025-03-15")).toBe(false);
  });
  it("一般 vs 严重 differ: 4 months after the decision only the 一般 window is open", () => {
    expect(isRepairWindowOpen("2025-03-15", "general", "2025-07-15")).toBe(true);
    expect(isRepairWindowOpen("2025-03-15", "serious", "2025-07-15")).toBe(false);
  });
});

describe("isWithinValidity — DOMAIN §4 licences/red list shown for their validity (inclusive; null = open-ended)", () => {
  it("inclusive at both ends", () => {
    expect(isWithinValidity("2025-01-01", "2025-12-31", "2024-12-31")).toBe(false);
    expect(isWithinValidity("2025-01-01", "2025-12-31", "2025-01-01")).toBe(true);
    expect(isWithinValidity("2025-01-01", "2025-12-31", "2025-06-30")).toBe(true);
    expect(isWithinValidity("2025-01-01", "2025-12-31", "2025-12-31")).toBe(true);
    expect(isWithinValidity("2025-01-01", "2025-12-31", "2026-01-01")).toBe(false);
  });
  it("a one-day validity is valid on that day only", () => {
    expect(isWithinValidity("2024-02-29", "2024-02-29", "2024-02-29")).toBe(true);
    expect(isWithinValidity("2024-02-29", "2024-02-29", "2024-02-28")).toBe(false);
    expect(isWithinValidity("2024-02-29", "2024-02-29", "2024-03-01")).toBe(false);
  });
  it("null validUntil is open-ended, but not before validFrom", () => {
    expect(isWithinValidity("2025-01-01", null, "2024-12-31")).toBe(false);
    expect(isWithinValidity("2025-01-01", null, "2025-01-01")).toBe(true);
    expect(isWithinValidity("2025-01-01", null, "2099-12-31")).toBe(true);
  });
});

describe("isListEntryInForce — DOMAIN §5: a list entry binds while published and within its validity", () => {
  it("binds through its last day, not after, and never once removed", () => {
    expect(isListEntryInForce({ status: "published", validUntil: "2026-12-05" }, "2026-12-05")).toBe(true);
    expect(isListEntryInForce({ status: "published", validUntil: "2026-12-04" }, "2026-12-05")).toBe(false);
    expect(isListEntryInForce({ status: "published", validUntil: null }, "2026-12-05")).toBe(true);
    expect(isListEntryInForce({ status: "removed", validUntil: null }, "2026-12-05")).toBe(false);
  });
});

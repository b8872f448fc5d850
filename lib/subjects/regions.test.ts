import { describe, expect, it } from "vitest";
import { isJiangxiDivision, isRegionFilter, regionPrefix, withinRegion } from "./regions";

describe("Jiangxi region codes (DOMAIN §1): one place for the three uses", () => {
  it("a division one belongs to has 6 digits starting 36", () => {
    for (const ok of ["360000", "360100", "360102"]) expect(isJiangxiDivision(ok), ok).toBe(true);
    for (const bad of ["3601", "350100", "36010", "3601000", "36ab00"])
      expect(isJiangxiDivision(bad), bad).toBe(false);
  });
  it("a filter is the province, a city in 4 or 6 digits, or a county", () => {
    for (const ok of ["360000", "3601", "360100", "360102"]) expect(isRegionFilter(ok), ok).toBe(true);
    for (const bad of ["", "36", "3501", "360", "36010x"]) expect(isRegionFilter(bad), bad).toBe(false);
  });
  it("the prefix below a region: a city by 4 digits, a county by 6, the province by none", () => {
    expect(regionPrefix("360100")).toBe("3601");
    expect(regionPrefix("3601")).toBe("3601");
    expect(regionPrefix("360102")).toBe("360102");
    expect(regionPrefix("360000")).toBeNull();
  });
});

describe("withinRegion — DOMAIN §11: a city acts for its own subjects, the province for all", () => {
  it("holds a city account to its city and its counties, and lets the province reach every subject", () => {
    expect(withinRegion("360100", "360102")).toBe(true);
    expect(withinRegion("360100", "360702")).toBe(false);
    expect(withinRegion("360100", null)).toBe(false);
    expect(withinRegion("360000", "360702")).toBe(true);
  });
});

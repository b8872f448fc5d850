import { describe, expect, it } from "vitest";
import {
  canEditRecord,
  gradingRulesEditProblem,
  inRecordScope,
  inRegionScope,
  poolRegionInScope,
  recordScope,
  regionFilterInScope,
  supervisionScope,
} from "./scope";

const operatorA = { roles: ["operator"], departmentId: 1, regionCode: "360000" };
const ncSupervisor = { roles: ["supervisor"], departmentId: 9, regionCode: "360100" };
const provinceSupervisor = { roles: ["supervisor"], departmentId: 9, regionCode: "360000" };

describe("record scope (DOMAIN §11: department + region; province-level accounts see all regions)", () => {
  it("limits an operator to records whose 数据来源单位 is their own department", () => {
    expect(inRecordScope(operatorA, { sourceDeptId: 1, deptRegion: "360000" })).toBe(true);
    expect(inRecordScope(operatorA, { sourceDeptId: 2, deptRegion: "360000" })).toBe(false);
  });
  it("limits a city supervisor to departments of that city and its counties", () => {
    expect(inRecordScope(ncSupervisor, { sourceDeptId: 5, deptRegion: "360102" })).toBe(true);
    expect(inRecordScope(ncSupervisor, { sourceDeptId: 5, deptRegion: "360200" })).toBe(false);
    expect(inRecordScope(provinceSupervisor, { sourceDeptId: 5, deptRegion: "360200" })).toBe(true);
  });
  it("gives sysadmins and auditors no business data (三员分立)", () => {
    for (const roles of [["sysadmin"], ["auditor"]]) {
      const u = { roles, departmentId: 1, regionCode: "360000" };
      expect(recordScope(u)).toEqual({ kind: "none" });
      expect(inRecordScope(u, { sourceDeptId: 1, deptRegion: "360000" })).toBe(false);
      expect(canEditRecord(u, { sourceDeptId: 1 })).toBe(false);
    }
  });
  it("lets only an operator of the source department edit; a reviewer reads but never edits", () => {
    expect(canEditRecord(operatorA, { sourceDeptId: 1 })).toBe(true);
    expect(canEditRecord(operatorA, { sourceDeptId: 2 })).toBe(false);
    expect(canEditRecord({ ...operatorA, roles: ["reviewer"] }, { sourceDeptId: 1 })).toBe(false);
  });
});

describe("supervision scope (issue 20 N3; DOMAIN §11: a supervisor sees their region)", () => {
  const nc = supervisionScope(ncSupervisor);
  const province = supervisionScope(provinceSupervisor);
  it("is the city of a city supervisor and the whole province for a province-level one; none for other roles", () => {
    expect(nc).toEqual({ prefix: "3601", regionCode: "360100" });
    expect(province).toEqual({ prefix: null, regionCode: "360000" });
    expect(supervisionScope(operatorA)).toBeNull();
    expect(supervisionScope({ ...ncSupervisor, regionCode: null })).toBeNull();
  });
  it("holds subjects to the region they are registered in", () => {
    if (!nc || !province) throw new Error("scope expected");
    expect(inRegionScope(nc, "360102")).toBe(true);
    expect(inRegionScope(nc, "360702")).toBe(false);
    expect(inRegionScope(nc, null)).toBe(false);
    expect(inRegionScope(province, "360702")).toBe(true);
  });
  it("narrows a filter for another city to the supervisor's own, and keeps a county within it", () => {
    if (!nc || !province) throw new Error("scope expected");
    expect(regionFilterInScope(nc, "360700")).toBe("3601");
    expect(regionFilterInScope(nc, undefined)).toBe("3601");
    expect(regionFilterInScope(nc, "360102")).toBe("360102");
    expect(regionFilterInScope(province, "360700")).toBe("3607");
    expect(regionFilterInScope(province, undefined)).toBeNull();
  });
  it("refuses a pool in another city and gives a pool without a region the supervisor's own", () => {
    if (!nc || !province) throw new Error("scope expected");
    expect(poolRegionInScope(nc, "360700")).toEqual({ ok: false });
    expect(poolRegionInScope(nc, undefined)).toEqual({ ok: true, regionCode: "360100" });
    expect(poolRegionInScope(nc, "360102")).toEqual({ ok: true, regionCode: "360102" });
    expect(poolRegionInScope(province, undefined)).toEqual({ ok: true, regionCode: undefined });
    expect(poolRegionInScope(province, "360700")).toEqual({ ok: true, regionCode: "360700" });
  });
});

describe("grading rules — one rule set for the province, changed by a province-level supervisor only", () => {
  it("refuses a city supervisor and any other role", () => {
    expect(gradingRulesEditProblem(provinceSupervisor)).toBeNull();
    expect(gradingRulesEditProblem(ncSupervisor)).toMatch(/只能由省级监管员修改/);
    expect(gradingRulesEditProblem(operatorA)).toMatch(/只能由省级监管员修改/);
  });
});

import { describe, expect, it } from "vitest";
import { canEditRecord, inRecordScope, recordScope } from "./scope";

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

import { regionPrefix } from "../subjects/regions";

/**
 * DOMAIN §11 scope: operators and reviewers act for their own department; supervisors see their region
 * (a province-level account sees all regions). Sysadmins and auditors see no business data.
 */
export type ScopeUser = { roles: readonly string[]; departmentId: number | null; regionCode: string | null };
export type RecordScope =
  | { kind: "department"; departmentId: number }
  | { kind: "region"; prefix: string | null }
  | { kind: "none" };

export function recordScope(u: ScopeUser): RecordScope {
  if ((u.roles.includes("operator") || u.roles.includes("reviewer")) && u.departmentId !== null) {
    return { kind: "department", departmentId: u.departmentId };
  }
  if (u.roles.includes("supervisor") && u.regionCode)
    return { kind: "region", prefix: regionPrefix(u.regionCode) };
  return { kind: "none" };
}

/** Whether a record of `sourceDeptId` (whose department sits in `deptRegion`) is within the user's scope. */
export function inRecordScope(u: ScopeUser, r: { sourceDeptId: number; deptRegion: string }): boolean {
  const s = recordScope(u);
  if (s.kind === "department") return s.departmentId === r.sourceDeptId;
  if (s.kind === "region") return s.prefix === null || r.deptRegion.startsWith(s.prefix);
  return false;
}

/** Only an operator of the record's own 数据来源单位 writes it. */
export function canEditRecord(u: ScopeUser, r: { sourceDeptId: number }): boolean {
  return u.roles.includes("operator") && u.departmentId === r.sourceDeptId;
}

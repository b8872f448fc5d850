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

/**
 * DOMAIN §11, 2020 plan §14: graded supervision is a region's business — a city supervisor sees and acts on the
 * subjects registered in that city (and its counties), a province-level one on all. null: no supervision at all.
 */
export type RegionScope = { prefix: string | null; regionCode: string };

export function supervisionScope(u: ScopeUser): RegionScope | null {
  if (!u.roles.includes("supervisor") || !u.regionCode) return null;
  return { prefix: regionPrefix(u.regionCode), regionCode: u.regionCode };
}

/** Whether a subject registered in `regionCode` lies within the scope. */
export function inRegionScope(scope: RegionScope, regionCode: string | null | undefined): boolean {
  return scope.prefix === null || (regionCode ?? "").startsWith(scope.prefix);
}

/**
 * The region prefix a filter reads: the one asked for when it lies within the scope, otherwise the scope's own
 * (a city supervisor who asks for another city still sees only their own). null: the whole province.
 */
export function regionFilterInScope(scope: RegionScope, requested: string | undefined): string | null {
  const asked = regionPrefix(requested);
  if (scope.prefix === null) return asked;
  return asked?.startsWith(scope.prefix) ? asked : scope.prefix;
}

/**
 * The region of a draw's pool: none asked means the scope's own; one outside the scope is refused (null), never
 * widened or narrowed silently.
 */
export function poolRegionInScope(
  scope: RegionScope,
  requested: string | undefined,
): { ok: true; regionCode: string | undefined } | { ok: false } {
  if (!requested) return { ok: true, regionCode: scope.prefix === null ? undefined : scope.regionCode };
  return inRegionScope(scope, regionPrefix(requested) ?? requested)
    ? { ok: true, regionCode: requested }
    : { ok: false };
}

/**
 * The grading rules are the province's one rule set (issue 20, noticed with N3): a city supervisor reads them but
 * only a province-level supervisor changes them, since every subject of the province is regraded. null: allowed.
 */
export function gradingRulesEditProblem(u: ScopeUser): string | null {
  const scope = supervisionScope(u);
  return scope && scope.prefix === null ? null : "公共信用综合评价规则全省统一，只能由省级监管员修改。";
}

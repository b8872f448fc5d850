/** DOMAIN §11 三员分立: the roles of the console, and what each is called on screen. */
/** `editor` (issue 13 §3) writes the portal's news and policies: content only — no business data, no users. */
export const REGULATOR_ROLES = [
  "operator",
  "reviewer",
  "supervisor",
  "sysadmin",
  "auditor",
  "editor",
] as const;
export const ALL_ROLES = [...REGULATOR_ROLES, "business"] as const;
export type RoleName = (typeof ALL_ROLES)[number];

export const ROLE_LABEL: Record<RoleName, string> = {
  operator: "录入员",
  reviewer: "审核员",
  supervisor: "监管员",
  sysadmin: "系统管理员",
  auditor: "安全审计员",
  editor: "内容编辑",
  business: "企业用户",
};

export const hasAnyRole = (user: { roles: readonly string[] }, roles: readonly RoleName[]) =>
  roles.some((r) => user.roles.includes(r));

/** Roles that may read a department's records (operators also write them). */
export const RECORD_READERS: readonly RoleName[] = ["operator", "reviewer", "supervisor"];

/**
 * DOMAIN §11 三员分立: the system administrator and the security auditor are separate people, and neither
 * holds a business role. Returns the reason a combination is refused, or null.
 */
export function roleCombinationProblem(roles: readonly RoleName[]): string | null {
  if (roles.length === 0) return "请至少选择一个角色";
  if (roles.includes("business")) return "企业账号不在此处创建";
  const business = roles.filter((r) => r === "operator" || r === "reviewer" || r === "supervisor");
  if (roles.includes("sysadmin") && roles.includes("auditor"))
    return "系统管理员与安全审计员不能由同一账号兼任（三员分立）";
  if ((roles.includes("sysadmin") || roles.includes("auditor")) && roles.includes("editor"))
    return "系统管理员、安全审计员不能兼任内容编辑（三员分立）";
  if ((roles.includes("sysadmin") || roles.includes("auditor")) && business.length > 0) {
    return "系统管理员、安全审计员不能兼任录入、审核、监管等业务角色（三员分立）";
  }
  return null;
}

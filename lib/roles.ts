/** DOMAIN §11 三员分立: the roles of the console, and what each is called on screen. */
export const REGULATOR_ROLES = ["operator", "reviewer", "supervisor", "sysadmin", "auditor"] as const;
export const ALL_ROLES = [...REGULATOR_ROLES, "business"] as const;
export type RoleName = (typeof ALL_ROLES)[number];

export const ROLE_LABEL: Record<RoleName, string> = {
  operator: "录入员",
  reviewer: "审核员",
  supervisor: "监管员",
  sysadmin: "系统管理员",
  auditor: "安全审计员",
  business: "企业用户",
};

export const hasAnyRole = (user: { roles: readonly string[] }, roles: readonly RoleName[]) =>
  roles.some((r) => user.roles.includes(r));

/** Roles that may read a department's records (operators also write them). */
export const RECORD_READERS: readonly RoleName[] = ["operator", "reviewer", "supervisor"];

import { RECORD_READERS, REGULATOR_ROLES } from "../access/roles";

/**
 * The public site's sections, in the order of 信用中国 and the provincial portals. Only sections that exist
 * are linked (issue 10).
 */
export const PUBLIC_NAV = [
  { href: "/search", label: "信用查询" },
  { href: "/news", label: "信用动态" },
  { href: "/policies", label: "政策法规" },
  { href: "/penalties", label: "双公示" },
  { href: "/lists/red", label: "红黑名单" },
  { href: "/commitments", label: "信用承诺" },
  { href: "/government-integrity", label: "政务诚信" },
  { href: "/repair", label: "信用修复" },
  { href: "/objections", label: "异议申诉" },
  { href: "/supervision/draws", label: "双随机抽查" },
  { href: "/statistics", label: "信用统计" },
  { href: "/open-data", label: "开放数据" },
  { href: "/business", label: "企业服务" },
] as const;

export const LIST_KIND_LABELS = {
  red: "守信激励对象名单（红名单）",
  serious_dishonesty: "严重失信主体名单",
  key_attention: "重点关注对象名单",
  market_ban: "市场禁入名单",
} as const;

/** URL segment of each list kind: /lists/{segment} */
export const LIST_KIND_SEGMENTS = {
  red: "red",
  serious_dishonesty: "serious-dishonesty",
  key_attention: "key-attention",
  market_ban: "market-ban",
} as const;

/** Issue 23: the tabs of 部门协同, each shown to the roles its page admits (the page checks them itself). */
export const PLATFORM_TABS = [
  { href: "/admin/platform/checks", label: "联合奖惩核查", roles: ["operator", "reviewer", "supervisor"] },
  { href: "/admin/platform/checks/statistics", label: "核查成效统计", roles: ["supervisor", "sysadmin"] },
  {
    href: "/admin/platform/measures",
    label: "措施清单",
    roles: ["operator", "reviewer", "supervisor", "sysadmin"],
  },
  { href: "/admin/platform/catalogue", label: "资源目录", roles: ["sysadmin", "supervisor"] },
  { href: "/admin/platform/quality", label: "数据质量", roles: ["supervisor", "sysadmin"] },
  { href: "/admin/platform/institutions", label: "授权查询机构", roles: ["sysadmin"] },
  { href: "/admin/platform/government", label: "政务诚信", roles: ["operator", "supervisor"] },
] as const;

/** The console's sections and who sees each (DOMAIN §11 三员分立). */
export const CONSOLE_NAV = [
  { href: "/admin", label: "工作台", roles: RECORD_READERS },
  { href: "/admin/records", label: "信用记录", roles: RECORD_READERS },
  { href: "/admin/imports", label: "批量导入", roles: ["operator"] },
  { href: "/admin/cases/repairs", label: "办件", roles: ["reviewer", "supervisor"] },
  { href: "/admin/lists", label: "名单认定", roles: ["operator", "reviewer", "supervisor"] },
  { href: "/admin/supervision", label: "分级监管", roles: ["supervisor"] },
  { href: "/admin/name-reviews", label: "名称核对", roles: ["operator", "reviewer"] },
  { href: "/admin/templates", label: "承诺书模板", roles: ["reviewer"] },
  { href: "/admin/business-accounts", label: "企业账号激活", roles: RECORD_READERS },
  { href: "/admin/users", label: "用户管理", roles: ["sysadmin"] },
  { href: "/admin/departments", label: "部门管理", roles: ["sysadmin"] },
  { href: "/admin/api-keys", label: "接口密钥", roles: ["sysadmin"] },
  { href: "/admin/calendar", label: "工作日历", roles: ["sysadmin"] },
  { href: "/admin/settings", label: "系统设置", roles: ["sysadmin"] },
  {
    href: "/admin/platform",
    label: "部门协同",
    roles: ["operator", "reviewer", "supervisor", "sysadmin"],
  },
  { href: "/admin/audit", label: "审计日志", roles: ["auditor"] },
  { href: "/admin/news", label: "新闻与政策", roles: ["editor"] },
  { href: "/admin/messages", label: "消息", roles: REGULATOR_ROLES },
  {
    href: "/admin/account",
    label: "账号安全",
    roles: REGULATOR_ROLES,
  },
] as const;

const sectionOf = (path: string) => path.split(/[?#]/)[0]?.split("/").slice(0, 3).join("/") ?? path;

/** Whether a console link opens for these roles: its section's roles (a link is shown only to those). */
export function mayOpen(roles: readonly string[], path: string): boolean {
  const section = CONSOLE_NAV.find((n) => sectionOf(n.href) === sectionOf(path));
  return section?.roles.some((r) => roles.includes(r)) ?? false;
}

/** Where each role lands after signing in: its first section. */
export function consoleHome(roles: readonly string[]): string {
  return CONSOLE_NAV.find((n) => n.roles.some((r) => roles.includes(r)))?.href ?? "/admin/account";
}

import type { DbHandle } from "../../db/client";
import { hashPassword } from "../../server/credentials/password";
import { DEPT_ID } from "./generate";
import { DEMO_OBJECTION_SECRET } from "./objections";

/** Meets the password policy (≥ 10 characters, 3 kinds); printed by `npm run seed` and `npm run demo`. */
export const DEMO_PASSWORD = "Jiangxi@2026";

export const DEMO_ACCOUNTS = [
  {
    username: "operator",
    displayName: "录入员 王晓明",
    roles: ["operator"],
    dept: "jxamr",
    region: "360000",
    note: "省市场监管局 录入",
  },
  {
    username: "nc_operator",
    displayName: "录入员 刘芳",
    roles: ["operator"],
    dept: "ncamr",
    region: "360100",
    note: "南昌市市场监管局 录入（仅南昌）",
  },
  {
    username: "reviewer",
    displayName: "审核员 陈静",
    roles: ["reviewer"],
    dept: "jxamr",
    region: "360000",
    note: "省市场监管局 审核",
  },
  {
    username: "supervisor",
    displayName: "监管员 赵强",
    roles: ["supervisor"],
    dept: "jxamr",
    region: "360000",
    note: "分级分类监管、双随机抽查",
  },
  {
    username: "sysadmin",
    displayName: "系统管理员 孙磊",
    roles: ["sysadmin"],
    dept: "jxfgw",
    region: "360000",
    note: "用户、部门、日历、设置",
  },
  {
    username: "auditor",
    displayName: "安全审计员 周敏",
    roles: ["auditor"],
    dept: "jxfgw",
    region: "360000",
    note: "只读审计日志",
  },
  {
    username: "editor",
    displayName: "内容编辑 吴琳",
    roles: ["editor"],
    dept: "jxfgw",
    region: "360000",
    note: "新闻动态、政策法规",
  },
  {
    username: "business",
    displayName: "企业用户",
    roles: ["business"],
    dept: null,
    region: null,
    note: "在 /business/login 登录，代表一家演示企业",
  },
] as const;

export async function seedUsers(
  db: DbHandle,
): Promise<{ businessSubject: string; businessSubjectId: number; businessUserId: number }> {
  // the business account acts for the first organisation that has a penalty it could apply to repair
  const [subject] = await db.exec(
    `SELECT s.id, s.name FROM subjects s JOIN penalties p ON p.subject_id = s.id
     WHERE s.kind = 'legal_person' AND p.status = 'active' AND p.disclosable ORDER BY s.id LIMIT 1`,
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  let businessUserId = 0;
  for (const a of DEMO_ACCOUNTS) {
    const rows = await db.exec(
      `INSERT INTO users (username, display_name, password_hash, must_change_password, department_id, region_code, subject_id, password_changed_at)
       VALUES ($1, $2, $3, false, $4, $5, $6, now()) RETURNING id`,
      [
        a.username,
        a.displayName,
        hash,
        a.dept ? DEPT_ID.get(a.dept) : null,
        a.region,
        a.dept ? null : (subject?.id ?? null),
      ],
    );
    if (a.username === "business") businessUserId = Number(rows[0]?.id);
    for (const role of a.roles)
      await db.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", [rows[0]?.id, role]);
  }
  return {
    businessSubject: String(subject?.name ?? ""),
    businessSubjectId: Number(subject?.id),
    businessUserId,
  };
}

export function printAccounts(businessSubject?: string): void {
  console.log("\n演示账号（密码均为 %s）：", DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const extra = a.username === "business" && businessSubject ? `：${businessSubject}` : "";
    console.log(`  ${a.username.padEnd(12)} ${a.roles.join(",").padEnd(11)} ${a.note}${extra}`);
  }
  console.log(
    `\n演示异议的查询码均为 ${DEMO_OBJECTION_SECRET}（案号见 监管后台 → 办件 → 异议；查询页 /objections/track）。`,
  );
}

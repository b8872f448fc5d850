import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { subjects, userRoles, users } from "@/db/schema";
import { hasAnyRole, REGULATOR_ROLES } from "@/lib/access/roles";
import { checkUscc, normalizeUscc } from "@/lib/subjects/uscc";
import type { RequestMeta } from "../context";
import { getDb } from "../db";
import { createLimiter } from "../limiter";
import { getPolicy } from "../settings";
import { authenticate } from "./authenticate";
import { openSession } from "./sessions";

const perAddress = createLimiter("sign-in");

export type SignInOutcome =
  | { ok: true; sid: string; ticket: string; mustChangePassword: boolean }
  | { ok: false; message: string; needTotp?: true };

/**
 * The portal asks for the company's USCC (issue 21): typed in any case, with spaces, it names the business account
 * of that subject, whatever the account's own name; anything else is tried as it was typed.
 */
async function businessAccountName(db: Db, typed: string): Promise<string> {
  const uscc = normalizeUscc(typed);
  if (!checkUscc(uscc).valid) return typed;
  const [row] = await db
    .select({ username: users.username })
    .from(users)
    .innerJoin(subjects, eq(subjects.id, users.subjectId))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "business")))
    .where(eq(subjects.uscc, uscc))
    .orderBy(users.id)
    .limit(1);
  return row?.username ?? uscc;
}

/**
 * A console sign-in: throttled per client address (whatever the account, against password spraying), then
 * the account's own checks (authenticate), then a session row whose ticket next-auth redeems.
 */
export async function signInToConsole(
  { username, password, totp }: { username: string; password: string; totp?: string },
  meta: RequestMeta,
  /** the business portal signs in business accounts only, the console regulators only */
  area: "console" | "business" = "console",
): Promise<SignInOutcome> {
  const { signInAttemptsPerMinute: limit } = await getPolicy();
  const t = await perAddress(meta.ip, limit);
  if (!t.allowed) {
    return { ok: false, message: `登录尝试过于频繁，请 ${t.retryAfterSeconds} 秒后再试。` };
  }
  const db = await getDb();
  const name = area === "business" ? await businessAccountName(db, username) : username;
  const r = await authenticate({
    db,
    username: name,
    password,
    totp,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  if (!r.ok) return r;
  if (area === "console" && !hasAnyRole(r.user, REGULATOR_ROLES)) {
    return { ok: false, message: "企业账号请从“企业服务”入口登录，管理后台仅供监管部门使用。" };
  }
  if (area === "business" && !hasAnyRole(r.user, ["business"])) {
    return { ok: false, message: "监管部门账号请从管理后台登录，企业服务仅供企业账号使用。" };
  }
  const { sid, ticket } = await openSession(db, { userId: r.user.id, ...meta });
  return { ok: true, sid, ticket, mustChangePassword: r.user.mustChangePassword };
}

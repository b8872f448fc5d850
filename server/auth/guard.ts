import "server-only";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { userRoles, userSessions, users } from "@/db/schema";
import { hasAnyRole, type RoleName } from "@/lib/access/roles";
import { type SessionVerdict, sessionVerdict } from "@/lib/access/session-policy";
import { logAudit } from "../audit";
import type { CurrentUser } from "../context";
import { getDb } from "../db";
import { auth } from "./index";
import { requestMeta } from "./request-meta";

export type { CurrentUser };

type SessionState =
  | { user: CurrentUser }
  | { user: null; reason: Exclude<SessionVerdict, "active"> | "disabled" | null };

// a request's reads share one look-up; the last-seen time is written at most once a minute
const TOUCH_AFTER_MS = 60_000;

/**
 * Reads the session the cookie names and the account behind it, on every request (issue 5 §9): a disabled
 * account, a changed role, sign-out and the idle/absolute limits take effect on the next request.
 */
const readSession = cache(async (): Promise<SessionState> => {
  const sid = (await auth())?.sid;
  if (!sid) return { user: null, reason: null };
  const db = await getDb();
  const [row] = await db
    .select({ s: userSessions, u: users })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sid));
  if (!row) return { user: null, reason: null };
  const now = new Date();
  if (row.u.status !== "active") return { user: null, reason: "disabled" };
  const verdict = sessionVerdict(row.s, now);
  if (verdict !== "active") return { user: null, reason: verdict };
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sid));
  }
  const roles = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, row.u.id));
  return {
    user: {
      id: row.u.id,
      username: row.u.username,
      displayName: row.u.displayName,
      roles: roles.map((r) => r.role),
      departmentId: row.u.departmentId,
      regionCode: row.u.regionCode,
      subjectId: row.u.subjectId,
      mustChangePassword: row.u.mustChangePassword,
      totpEnabled: row.u.totpEnabledAt !== null,
      sessionId: sid,
    },
  };
});

export async function currentUser(): Promise<CurrentUser | null> {
  return (await readSession()).user;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that says why. */
export async function requireUser(opts: { allowPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const s = await readSession();
  if (!s.user) redirect(s.reason ? `/admin/login?reason=${s.reason}` : "/admin/login");
  // a business account's session is not a way into the console
  if (hasAnyRole(s.user, ["business"])) redirect("/business");
  if (s.user.mustChangePassword && !opts.allowPasswordChange) redirect("/admin/password");
  return s.user;
}

/**
 * For the business portal's pages: the signed-in business account (issue 11 §1), or its sign-in page; a
 * regulator's session is refused (audited 403) — the portal shows one company's own affairs.
 */
export async function requireBusiness(
  /** the page's own address with its query, to come back to after signing in */
  returnTo?: string,
): Promise<CurrentUser & { subjectId: number }> {
  const s = await readSession();
  if (!s.user) {
    const back = new URLSearchParams();
    if (s.reason) back.set("reason", s.reason);
    if (returnTo) back.set("callbackUrl", returnTo);
    redirect(`/business/login${back.size ? `?${back}` : ""}`);
  }
  const { user } = s;
  if (!hasAnyRole(user, ["business"]) || user.subjectId === null) {
    await auditDenied(user, "企业服务仅供企业账号使用");
    forbidden();
  }
  return { ...user, subjectId: user.subjectId };
}

/** For pages: the user when they hold one of `roles`; otherwise the refusal is audited and a 403 shown. */
export async function requireRole(...roles: RoleName[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasAnyRole(user, roles)) {
    await auditDenied(user, `需要角色 ${roles.join("/")}`);
    forbidden();
  }
  return user;
}

export type Access =
  | { ok: true; user: CurrentUser }
  | {
      ok: false;
      status: 401 | 403;
      code: "unauthenticated" | "password_change" | "forbidden";
      message: string;
    };

/**
 * For actions and route handlers, which answer instead of redirecting: the session, the forced password change
 * and the role, in that order; a refused role is audited.
 */
export async function checkAccess(roles: readonly RoleName[]): Promise<Access> {
  const user = await currentUser();
  if (!user)
    return { ok: false, status: 401, code: "unauthenticated", message: "登录已失效，请重新登录后再试。" };
  if (user.mustChangePassword)
    return { ok: false, status: 403, code: "password_change", message: "请先修改初始密码。" };
  if (!hasAnyRole(user, roles)) {
    await auditDenied(user, `需要角色 ${roles.join("/")}`);
    return { ok: false, status: 403, code: "forbidden", message: "您的角色无权执行此操作。" };
  }
  return { ok: true, user };
}

/** Every refusal is audited (DOMAIN §11), with what was asked for. */
export async function auditDenied(
  user: CurrentUser | null,
  reason: string,
  entity?: { type: string; id: string },
) {
  const meta = await requestMeta();
  const db = await getDb();
  await db.transaction((tx) =>
    logAudit(tx, {
      action: "access.denied",
      actorId: user?.id ?? null,
      actorName: user?.username ?? null,
      entityType: entity?.type ?? null,
      entityId: entity?.id ?? null,
      after: { reason },
      ip: meta.ip,
      userAgent: meta.userAgent,
      outcome: "denied",
    }),
  );
}

import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { totpRecoveryCodes, userRoles, users } from "@/db/schema";
import { afterThrottledAttempt, throttleLocked } from "@/lib/access/lockout";
import { logAudit } from "../audit";
import { hashPassword, verifyPassword } from "../credentials/password";
import { hashRecoveryCode, openTotpSecret, verifyTotp } from "../credentials/totp";
import { readThrottle, userScope, writeThrottle } from "./throttle";

export type SignedInUser = {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  departmentId: number | null;
  regionCode: string | null;
  subjectId: number | null;
  mustChangePassword: boolean;
};
export type AuthResult = { ok: true; user: SignedInUser } | { ok: false; message: string; needTotp?: true };

/** One message for every refusal: it says that locking exists without telling whether the account does. */
export const SIGN_IN_REFUSED =
  "用户名或密码错误，或账号已被临时锁定（同一网络地址连续失败 5 次将锁定 30 分钟）。";
export const TOTP_NEEDED = "该账号已启用动态验证码：请输入身份验证器中的 6 位数字，或一个恢复码。";

let dummyHash: Promise<string> | undefined;

/**
 * Checks a credentials sign-in (DOMAIN §11): argon2id password, 5 failures → 30-minute lock, disabled accounts
 * refused; the attempt and its outcome are audited in the same transaction as the counter they change.
 */
export async function authenticate({
  db,
  username,
  password,
  totp,
  ip = null,
  userAgent = null,
  now = new Date(),
}: {
  db: Db;
  username: string;
  password: string;
  /** the second factor: a 6-digit TOTP code or a recovery code, when the account has enrolled one */
  totp?: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<AuthResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.username, username)).for("update");
    if (!user) {
      // spend the same time as a real check, so response time does not tell which accounts exist
      dummyHash ??= hashPassword("not-a-real-password-1A!");
      await verifyPassword(await dummyHash, password);
      await logAudit(tx, {
        action: "auth.sign_in_failed",
        actorName: username.slice(0, 64),
        ip,
        userAgent,
        outcome: "failure",
      });
      return { ok: false, message: SIGN_IN_REFUSED };
    }
    const audit = {
      actorId: user.id,
      actorName: user.username,
      entityType: "user",
      entityId: String(user.id),
      ip,
      userAgent,
    };
    // the hash is checked for every account, so a disabled one takes as long as any other (issue 9 §10)
    const passwordMatches = await verifyPassword(user.passwordHash, password);
    const passwordOk = user.status === "active" && passwordMatches;
    // locked per (account, client address), with a slower back-off across addresses (issue 20 N14)
    const scope = userScope(user.id);
    const address = ip ?? "unknown";
    const throttle = await readThrottle(tx, scope, address);
    const locked = throttleLocked(throttle, now);
    let factorsOk = passwordOk;
    if (passwordOk && user.totpSecret && user.totpEnabledAt) {
      // asked for the code only after the password, and never while locked, so the prompt reveals nothing new
      if (!totp?.trim()) {
        if (!locked) return { ok: false, message: TOTP_NEEDED, needTotp: true };
      } else {
        factorsOk =
          verifyTotp(openTotpSecret(user.totpSecret), user.username, totp) ||
          (await redeemRecoveryCode(tx, user.id, totp));
      }
    }
    const next = afterThrottledAttempt(throttle, factorsOk, now);
    await writeThrottle(tx, scope, address, next, now);
    if (next.outcome === "signed_in")
      await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    if (next.outcome !== "signed_in") {
      const action = next.outcome === "locked_now" ? "auth.locked" : "auth.sign_in_failed";
      const outcome = next.outcome === "failed" ? "failure" : "denied";
      await logAudit(tx, {
        ...audit,
        action,
        outcome,
        after: {
          failedAttempts: next.address.failedAttempts,
          acrossAddresses: next.account.failedAttempts,
          status: user.status,
        },
      });
      return { ok: false, message: SIGN_IN_REFUSED };
    }
    await logAudit(tx, { ...audit, action: "auth.sign_in" });
    const roles = await tx
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, user.id));
    return {
      ok: true,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: roles.map((r) => r.role),
        departmentId: user.departmentId,
        regionCode: user.regionCode,
        subjectId: user.subjectId,
        mustChangePassword: user.mustChangePassword,
      },
    };
  });
}

async function redeemRecoveryCode(tx: Tx, userId: number, code: string) {
  const used = await tx
    .update(totpRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(totpRecoveryCodes.userId, userId),
        eq(totpRecoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(totpRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: totpRecoveryCodes.id });
  return used.length > 0;
}

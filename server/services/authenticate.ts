import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { afterAttempt } from "@/lib/lockout";
import { logAudit } from "../audit";
import { hashPassword, verifyPassword } from "../auth/password";

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
export type AuthResult = { ok: true; user: SignedInUser } | { ok: false; message: string };

/** One message for every refusal: it says that locking exists without telling whether the account does. */
export const SIGN_IN_REFUSED = "用户名或密码错误，或账号已被临时锁定（连续失败 5 次将锁定 30 分钟）。";

let dummyHash: Promise<string> | undefined;

/**
 * Checks a credentials sign-in (DOMAIN §11): argon2id password, 5 failures → 30-minute lock, disabled accounts
 * refused; the attempt and its outcome are audited in the same transaction as the counter they change.
 */
export async function authenticate({
  db,
  username,
  password,
  ip = null,
  userAgent = null,
  now = new Date(),
}: {
  db: Db;
  username: string;
  password: string;
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
    const passwordOk = user.status === "active" && (await verifyPassword(user.passwordHash, password));
    const next = afterAttempt(
      { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil },
      passwordOk,
      now,
    );
    await tx
      .update(users)
      .set({
        failedAttempts: next.failedAttempts,
        lockedUntil: next.lockedUntil,
        ...(next.outcome === "signed_in" ? { lastSignInAt: now } : {}),
      })
      .where(eq(users.id, user.id));
    if (next.outcome !== "signed_in") {
      const action = next.outcome === "locked_now" ? "auth.locked" : "auth.sign_in_failed";
      const outcome = next.outcome === "failed" ? "failure" : "denied";
      await logAudit(tx, {
        ...audit,
        action,
        outcome,
        after: { failedAttempts: next.failedAttempts, status: user.status },
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

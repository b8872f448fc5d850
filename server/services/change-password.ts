import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { checkPassword } from "@/lib/access/password-policy";
import { logAudit } from "../audit";
import type { ServiceContext } from "../context";
import { hashPassword, verifyPassword } from "../credentials/password";
import { AppError } from "../errors";
import { revokeSessionsOf } from "./sessions";

/**
 * A user changes their own password: the current one first, then the policy (DOMAIN §11). Every other session
 * of the account ends with the old password (issue 9 §6); the one in use goes on.
 */
export async function changePassword(
  { db, actor, meta }: Pick<ServiceContext, "db" | "meta"> & { actor: { id: number; sessionId: string } },
  { current, next }: { current: string; next: string },
): Promise<void> {
  const userId = actor.id;
  const sessionId = actor.sessionId;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found", "账号不存在。");
  if (!(await verifyPassword(user.passwordHash, current))) throw new AppError("invalid", "当前密码不正确。");
  const policy = checkPassword(next, { username: user.username });
  if (!policy.ok) throw new AppError("invalid", policy.message);
  if (current === next) throw new AppError("invalid", "新密码不能与当前密码相同。");
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, userId));
    await revokeSessionsOf(tx, userId, { except: sessionId });
    await logAudit(tx, {
      action: "auth.password_changed",
      actorId: user.id,
      actorName: user.username,
      entityType: "user",
      entityId: String(user.id),
      ...meta,
    });
  });
}

import "server-only";
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { checkPassword } from "@/lib/access/password-policy";
import { type RoleName, roleCombinationProblem } from "@/lib/access/roles";
import { auditBy } from "../audit";
import type { ServiceContext } from "../context";
import { hashPassword } from "../credentials/password";
import { AppError } from "../errors";
import { revokeSessionsOf } from "./sessions";
import { clearThrottle, userScope } from "./throttle";

type Ctx = ServiceContext;
export type UserFields = { displayName: string; departmentId: number; regionCode: string; roles: RoleName[] };

const theUser = (id: number) => ({ entityType: "user", entityId: String(id) });

// readable, and always meets the policy: 3 kinds, 12 characters
export function temporaryPassword(): string {
  const pick = (s: string) => s[randomInt(s.length)] ?? "";
  const lower = "abcdefghijkmnpqrstuvwxyz";
  const upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  return `${pick(upper)}${Array.from({ length: 6 }, () => pick(lower)).join("")}${Array.from({ length: 4 }, () => pick(digits)).join("")}#`;
}

function checkRoles(roles: RoleName[]) {
  const problem = roleCombinationProblem(roles);
  if (problem) throw new AppError("invalid", problem);
}

async function snapshot(db: Pick<Db, "select">, id: number) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw new AppError("not_found", "用户不存在。");
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id));
  return {
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    regionCode: u.regionCode,
    status: u.status,
    roles: roles.map((r) => r.role).sort(),
  };
}

/** A new regulator account with an initial password that must be changed at first sign-in. */
export async function createUser(
  ctx: Ctx,
  f: UserFields & { username: string; password: string },
): Promise<number> {
  const { db } = ctx;
  checkRoles(f.roles);
  const pw = checkPassword(f.password, { username: f.username });
  if (!pw.ok) throw new AppError("invalid", pw.message);
  const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.username, f.username));
  if (exists) throw new AppError("conflict", `用户名 ${f.username} 已被使用。`);
  const passwordHash = await hashPassword(f.password);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        username: f.username,
        displayName: f.displayName,
        passwordHash,
        departmentId: f.departmentId,
        regionCode: f.regionCode,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    if (!u) throw new Error("insert returned nothing");
    await tx.insert(userRoles).values(f.roles.map((role) => ({ userId: u.id, role })));
    await auditBy(tx, ctx, { ...theUser(u.id), action: "user.create", after: await snapshot(tx, u.id) });
    return u.id;
  });
}

/** Name, scope and roles; the guard re-reads them, so the change applies on the user's next request. */
export async function updateUser(ctx: Ctx, { id, ...f }: UserFields & { id: number }): Promise<void> {
  const { db } = ctx;
  checkRoles(f.roles);
  if (id === ctx.actor.id && !f.roles.includes("sysadmin"))
    throw new AppError("invalid", "不能取消自己的系统管理员角色。");
  await db.transaction(async (tx) => {
    const before = await snapshot(tx, id);
    await tx
      .update(users)
      .set({ displayName: f.displayName, departmentId: f.departmentId, regionCode: f.regionCode })
      .where(eq(users.id, id));
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    await tx.insert(userRoles).values(f.roles.map((role) => ({ userId: id, role })));
    await auditBy(tx, ctx, { ...theUser(id), action: "user.update", before, after: await snapshot(tx, id) });
  });
}

/** Ends a lock from failed sign-ins before its 30 minutes are up (the holder called the sysadmin). */
export async function unlockUser(ctx: Ctx, { id }: { id: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await snapshot(tx, id);
    await clearThrottle(tx, userScope(id));
    await auditBy(tx, ctx, { ...theUser(id), action: "user.unlock", before: { status: before.status } });
  });
}

export async function setUserStatus(
  ctx: Ctx,
  { id, status }: { id: number; status: "active" | "disabled" },
): Promise<void> {
  const { db } = ctx;
  if (id === ctx.actor.id) throw new AppError("invalid", "不能停用自己的账号。");
  await db.transaction(async (tx) => {
    const before = await snapshot(tx, id);
    await tx.update(users).set({ status }).where(eq(users.id, id));
    await clearThrottle(tx, userScope(id));
    if (status === "disabled") await revokeSessionsOf(tx, id);
    await auditBy(tx, ctx, {
      ...theUser(id),
      action: status === "disabled" ? "user.disable" : "user.enable",
      before: { status: before.status },
      after: { status },
    });
  });
}

/** A temporary password, shown once to the sysadmin; the account must change it and its sessions end. */
export async function resetPassword(ctx: Ctx, { id }: { id: number }): Promise<string> {
  const { db } = ctx;
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await snapshot(tx, id);
    await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id));
    await clearThrottle(tx, userScope(id));
    await revokeSessionsOf(tx, id);
    await auditBy(tx, ctx, {
      ...theUser(id),
      action: "user.reset_password",
      after: { mustChangePassword: true },
    });
  });
  return password;
}

import "server-only";
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { signInThrottle } from "@/db/schema";
import type { LockState, Throttle } from "@/lib/access/lockout";

/** The first key of the advisory lock that serialises attempts on one scope (the audit chain uses its own). */
const THROTTLE_LOCK_CLASS = 7_101_016;
/** The row of a scope across all addresses. */
const ACROSS = "*";
const OPEN: LockState = { failedAttempts: 0, lockedUntil: null };

/**
 * Issue 20 N14: the failures of a scope ("user:12", "activation:345") from this address and from all, read for
 * update inside the attempt's transaction, so that two attempts at once count twice.
 */
export async function readThrottle(tx: Tx, scope: string, address: string): Promise<Throttle> {
  // FOR UPDATE locks no row that does not exist yet: concurrent first failures would each count as the first
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${THROTTLE_LOCK_CLASS}, hashtext(${scope}))`);
  const rows = await tx
    .select()
    .from(signInThrottle)
    .where(and(eq(signInThrottle.scope, scope), inArray(signInThrottle.address, [address, ACROSS])))
    .for("update");
  const of = (a: string): LockState => {
    const r = rows.find((x) => x.address === a);
    return r ? { failedAttempts: r.failedAttempts, lockedUntil: r.lockedUntil } : OPEN;
  };
  return { address: of(address), account: of(ACROSS) };
}

/** Stores what lib/access/lockout decided; a cleared count leaves no row behind. */
export async function writeThrottle(tx: Tx, scope: string, address: string, t: Throttle, now: Date) {
  for (const [a, s] of [
    [address, t.address],
    [ACROSS, t.account],
  ] as const) {
    if (s.failedAttempts === 0 && s.lockedUntil === null) {
      await tx
        .delete(signInThrottle)
        .where(and(eq(signInThrottle.scope, scope), eq(signInThrottle.address, a)));
      continue;
    }
    const values = {
      failedAttempts: Math.min(s.failedAttempts, 32_000),
      lockedUntil: s.lockedUntil,
      updatedAt: now,
    };
    await tx
      .insert(signInThrottle)
      .values({ scope, address: a, ...values })
      .onConflictDoUpdate({ target: [signInThrottle.scope, signInThrottle.address], set: values });
  }
}

/** A sysadmin's 解除锁定: every lock of the scope, from every address. */
export async function clearThrottle(tx: Pick<Tx, "delete">, scope: string) {
  await tx.delete(signInThrottle).where(eq(signInThrottle.scope, scope));
}

/** At start-up: rows of failures a day old whose lock has run out — forgotten, as a success would. */
export async function forgetOldThrottles(db: Db, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.updatedAt, dayAgo),
        or(sql`${signInThrottle.lockedUntil} IS NULL`, lt(signInThrottle.lockedUntil, now)),
      ),
    );
}

export const userScope = (userId: number) => `user:${userId}`;
export const activationScope = (subjectId: number) => `activation:${subjectId}`;

/** DOMAIN §11: 5 failed sign-ins lock the account for 30 minutes. Pure: the caller passes `now`. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 30;

export type LockState = { failedAttempts: number; lockedUntil: Date | null };

export function isLocked(s: LockState, now: Date): boolean {
  return s.lockedUntil !== null && s.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after a sign-in attempt. While locked, even the right password is refused and the lock is not
 * extended; a lock that has run out starts a fresh count.
 */
export function afterAttempt(
  s: LockState,
  succeeded: boolean,
  now: Date,
): LockState & { outcome: "signed_in" | "failed" | "locked_now" | "still_locked" } {
  if (isLocked(s, now)) return { ...s, outcome: "still_locked" };
  const base = s.lockedUntil ? 0 : s.failedAttempts; // an expired lock starts a fresh count
  if (succeeded) return { failedAttempts: 0, lockedUntil: null, outcome: "signed_in" };
  const failed = base + 1;
  if (failed >= MAX_FAILED_ATTEMPTS) {
    return {
      failedAttempts: failed,
      lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
      outcome: "locked_now",
    };
  }
  return { failedAttempts: failed, lockedUntil: null, outcome: "failed" };
}

/** How the console names an account's state (issue 10: a lock says why, apart from the second factor). */
export function accountStatusLabel(u: {
  status: "active" | "disabled" | "pending";
  locked: boolean;
}): string {
  if (u.status === "disabled") return "已停用";
  if (u.status === "pending") return "待激活";
  return u.locked ? "临时锁定（连续登录失败，30 分钟后自动解除）" : "正常";
}

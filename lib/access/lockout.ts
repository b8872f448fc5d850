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

/**
 * Issue 20 N14 (OWASP Authentication Cheat Sheet): five failures lock an account for the client address they came
 * from, not for everyone — otherwise anyone who knows a company's USCC locks it out of its portal. Across all
 * addresses a slower back-off applies: from the 20th failure in a row each further one holds the account back for
 * twice as long as the last, up to 15 minutes — for the addresses that have failed themselves; one with no failure
 * of its own (the company at its office) is never held back by others'. A success clears both.
 */
export const ACCOUNT_BACKOFF_AFTER = 20;
export const ACCOUNT_BACKOFF_MAX_SECONDS = 15 * 60;

export type Throttle = { address: LockState; account: LockState };

/** Whether an attempt from this address is refused before it is judged (see afterThrottledAttempt). */
export function throttleLocked(t: Throttle, now: Date): boolean {
  return isLocked(t.address, now) || (t.address.failedAttempts > 0 && isLocked(t.account, now));
}

export function afterThrottledAttempt(
  t: Throttle,
  succeeded: boolean,
  now: Date,
): Throttle & { outcome: "signed_in" | "failed" | "locked_now" | "still_locked" } {
  if (throttleLocked(t, now)) return { ...t, outcome: "still_locked" };
  if (succeeded)
    return {
      address: { failedAttempts: 0, lockedUntil: null },
      account: { failedAttempts: 0, lockedUntil: null },
      outcome: "signed_in",
    };
  const address = afterAttempt(t.address, false, now);
  const failures = t.account.failedAttempts + 1;
  const over = failures - ACCOUNT_BACKOFF_AFTER;
  const account: LockState = {
    failedAttempts: failures,
    lockedUntil:
      over >= 0
        ? new Date(now.getTime() + Math.min(2 ** over, ACCOUNT_BACKOFF_MAX_SECONDS) * 1000)
        : t.account.lockedUntil,
  };
  return {
    address: { failedAttempts: address.failedAttempts, lockedUntil: address.lockedUntil },
    account,
    outcome: address.outcome === "locked_now" ? "locked_now" : "failed",
  };
}

/** How the console names an account's state (issue 10: a lock says why, apart from the second factor). */
export function accountStatusLabel(u: {
  status: "active" | "disabled" | "pending";
  locked: boolean;
}): string {
  if (u.status === "disabled") return "已停用";
  if (u.status === "pending") return "待激活";
  return u.locked
    ? "临时锁定（连续登录失败，自动解除；同一地址 30 分钟，多个地址逐次延长至多 15 分钟）"
    : "正常";
}

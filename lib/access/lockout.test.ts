import { describe, expect, it } from "vitest";
import {
  ACCOUNT_BACKOFF_AFTER,
  ACCOUNT_BACKOFF_MAX_SECONDS,
  accountStatusLabel,
  afterAttempt,
  afterThrottledAttempt,
  isLocked,
  LOCK_MINUTES,
  type LockState,
  type Throttle,
} from "./lockout";

const t0 = new Date("2026-11-23T02:00:00Z");
const later = (min: number) => new Date(t0.getTime() + min * 60_000);
const fresh: LockState = { failedAttempts: 0, lockedUntil: null };

describe("DOMAIN §11: 5 failures lock the account for 30 minutes", () => {
  it("locks on the 5th failure, not before", () => {
    let s: LockState = fresh;
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = afterAttempt(s, false, t0);
      outcomes.push(r.outcome);
      s = r;
    }
    expect(outcomes).toEqual(["failed", "failed", "failed", "failed", "locked_now"]);
    expect(s.lockedUntil?.toISOString()).toBe(later(LOCK_MINUTES).toISOString());
  });

  it("refuses even the right password while locked, without extending the lock", () => {
    const locked = { failedAttempts: 5, lockedUntil: later(30) };
    const r = afterAttempt(locked, true, later(29));
    expect(r.outcome).toBe("still_locked");
    expect(r.lockedUntil).toEqual(later(30));
    expect(isLocked(locked, later(29))).toBe(true);
  });

  it("unlocks after 30 minutes and counts afresh", () => {
    const locked = { failedAttempts: 5, lockedUntil: later(30) };
    expect(isLocked(locked, later(30))).toBe(false);
    expect(afterAttempt(locked, false, later(31))).toMatchObject({
      outcome: "failed",
      failedAttempts: 1,
      lockedUntil: null,
    });
    expect(afterAttempt(locked, true, later(31))).toMatchObject({ outcome: "signed_in", failedAttempts: 0 });
  });

  it("a success resets the count", () => {
    expect(afterAttempt({ failedAttempts: 4, lockedUntil: null }, true, t0)).toMatchObject({
      failedAttempts: 0,
      outcome: "signed_in",
    });
  });
});

describe("accountStatusLabel (issue 10)", () => {
  it("names a lock by its cause, never by the second factor", () => {
    expect(accountStatusLabel({ status: "active", locked: true })).toBe(
      "临时锁定（连续登录失败，自动解除；同一地址 30 分钟，多个地址逐次延长至多 15 分钟）",
    );
    expect(accountStatusLabel({ status: "active", locked: false })).toBe("正常");
    expect(accountStatusLabel({ status: "disabled", locked: true })).toBe("已停用");
  });
});

describe("throttle per account and address — issue 20 N14 (OWASP: lock per account + address, a slower back-off across)", () => {
  const NOW = new Date("2026-12-04T02:00:00Z");
  const open: LockState = { failedAttempts: 0, lockedUntil: null };
  const fail = (t: Throttle, at = NOW) => afterThrottledAttempt(t, false, at);
  it("locks the account for the address that failed five times, for 30 minutes, and for it only", () => {
    let t: Throttle = { address: open, account: open };
    for (let i = 0; i < 4; i++) t = fail(t);
    const fifth = fail(t);
    expect(fifth.outcome).toBe("locked_now");
    expect(fifth.address.lockedUntil?.getTime()).toBe(NOW.getTime() + 30 * 60_000);
    expect(fifth.account.lockedUntil).toBeNull();
    // the right password from that address is refused while locked; from another address it signs in
    expect(afterThrottledAttempt(fifth, true, NOW).outcome).toBe("still_locked");
    expect(afterThrottledAttempt({ address: open, account: fifth.account }, true, NOW).outcome).toBe(
      "signed_in",
    );
  });
  it("backs the account off across addresses from the 20th failure, doubling up to 15 minutes", () => {
    let account = open;
    for (let i = 0; i < ACCOUNT_BACKOFF_AFTER - 1; i++) account = fail({ address: open, account }).account;
    expect(account.lockedUntil).toBeNull();
    const twentieth = fail({ address: open, account });
    expect(twentieth.account.lockedUntil?.getTime()).toBe(NOW.getTime() + 1000);
    const later = new Date(NOW.getTime() + 2000);
    expect(fail({ address: open, account: twentieth.account }, later).account.lockedUntil?.getTime()).toBe(
      later.getTime() + 2000,
    );
    const many = { failedAttempts: 60, lockedUntil: null };
    expect(fail({ address: open, account: many }).account.lockedUntil?.getTime()).toBe(
      NOW.getTime() + ACCOUNT_BACKOFF_MAX_SECONDS * 1000,
    );
    // held back: an address that has failed itself; never one that has not (no lock-out by others' guesses)
    const failedOnce = { failedAttempts: 1, lockedUntil: null };
    expect(
      afterThrottledAttempt({ address: failedOnce, account: twentieth.account }, true, NOW).outcome,
    ).toBe("still_locked");
    expect(afterThrottledAttempt({ address: open, account: twentieth.account }, true, NOW).outcome).toBe(
      "signed_in",
    );
  });
  it("a success clears both counts", () => {
    const t = afterThrottledAttempt(
      {
        address: { failedAttempts: 3, lockedUntil: null },
        account: { failedAttempts: 12, lockedUntil: null },
      },
      true,
      NOW,
    );
    expect(t).toMatchObject({ outcome: "signed_in", address: open, account: open });
  });
});

import { describe, expect, it } from "vitest";
import { accountStatusLabel, afterAttempt, isLocked, LOCK_MINUTES, type LockState } from "./lockout";

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
      "临时锁定（连续登录失败，30 分钟后自动解除）",
    );
    expect(accountStatusLabel({ status: "active", locked: false })).toBe("正常");
    expect(accountStatusLabel({ status: "disabled", locked: true })).toBe("已停用");
  });
});

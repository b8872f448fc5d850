import { describe, expect, it } from "vitest";
import { sessionVerdict } from "./session-policy";

const signIn = new Date("2026-03-02T08:00:00+08:00");
const at = (minutes: number) => new Date(signIn.getTime() + minutes * 60_000);

describe("sessionVerdict (DOMAIN §11: 30-minute idle timeout, 12-hour absolute session)", () => {
  it("keeps a session used within the last 30 minutes", () => {
    expect(sessionVerdict({ createdAt: signIn, lastSeenAt: at(10), revokedAt: null }, at(39))).toBe("active");
  });
  it("ends a session idle for exactly 30 minutes", () => {
    expect(sessionVerdict({ createdAt: signIn, lastSeenAt: at(10), revokedAt: null }, at(40))).toBe("idle");
  });
  it("ends a busy session 12 hours after sign-in, however recent the last request", () => {
    expect(sessionVerdict({ createdAt: signIn, lastSeenAt: at(719), revokedAt: null }, at(719))).toBe(
      "active",
    );
    expect(sessionVerdict({ createdAt: signIn, lastSeenAt: at(719), revokedAt: null }, at(720))).toBe(
      "expired",
    );
  });
  it("ends a signed-out session at once", () => {
    expect(sessionVerdict({ createdAt: signIn, lastSeenAt: at(1), revokedAt: at(1) }, at(2))).toBe("revoked");
  });
});

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAt, signature, smsAllowedAt } from "./delivery";

const at = (iso: string) => new Date(iso);

describe("retries with exponential back-off (issue 22 §1)", () => {
  const now = at("2026-12-05T02:00:00Z");
  it("waits 30 s, then doubles, capped at 6 hours", () => {
    const waits = [1, 2, 3, 4, 10].map(
      (n) => ((nextAttemptAt(n, now)?.getTime() ?? 0) - now.getTime()) / 1000,
    );
    expect(waits.slice(0, 4)).toEqual([30, 60, 120, 240]);
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)?.getTime()).toBeLessThanOrEqual(now.getTime() + 6 * 3600_000);
  });
  it("gives up after the last attempt", () => {
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe("SMS quiet hours: none between 22:00 and 08:00 China time (issue 22 §5)", () => {
  it("sends at once in the day", () => {
    const noon = at("2026-12-05T04:00:00Z"); // 12:00 in China
    expect(smsAllowedAt(noon)).toEqual(noon);
    expect(smsAllowedAt(at("2026-12-05T00:00:00Z"))).toEqual(at("2026-12-05T00:00:00Z")); // 08:00 sharp
  });
  it("holds an evening message to the next morning at 08:00", () => {
    expect(smsAllowedAt(at("2026-12-05T14:30:00Z"))).toEqual(at("2026-12-06T00:00:00Z")); // 22:30 → 08:00 next day
  });
  it("holds a message before dawn to 08:00 the same day", () => {
    expect(smsAllowedAt(at("2026-12-04T19:00:00Z"))).toEqual(at("2026-12-05T00:00:00Z")); // 03:00 → 08:00
  });
});

describe("the signature a gateway or webhook receiver checks", () => {
  it("is sha256= + HMAC-SHA-256 over timestamp.body, which the receiver recomputes", () => {
    const hmac = (k: string, d: string) => createHmac("sha256", k).update(d).digest("hex");
    const sig = signature("k".repeat(16), "1764900000", '{"a":1}', hmac);
    expect(sig).toBe(`sha256=${hmac("k".repeat(16), '1764900000.{"a":1}')}`);
    expect(signature("k".repeat(16), "1764900001", '{"a":1}', hmac)).not.toBe(sig);
  });
});

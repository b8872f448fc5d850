import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ABUSE_LIMITS,
  abuseMessage,
  type Bucket,
  LEASE_MS,
  maxLease,
  mayReadAhead,
  nextLeaseSize,
  spendLease,
  takeToken,
  takeTokenFunctionSql,
} from "./rate-limit";

/** Call takeToken at `now` until refused (bounded); returns how many were allowed and the refusal. */
function drain(bucket: Bucket | undefined, now: number, limit: number) {
  let b = bucket;
  let allowed = 0;
  for (let i = 0; i < limit * 3 + 10; i++) {
    const r = takeToken(b, now, limit);
    b = r.bucket;
    if (!r.allowed) return { allowed, bucket: b, refused: r };
    allowed++;
  }
  throw new Error("never refused");
}

describe("takeToken — a new client (spec 5 / DOMAIN §12: rate-limited per client)", () => {
  it("the first call of a new client is allowed", () => {
    const r = takeToken(undefined, 1_000_000, 60);
    expect(r.allowed).toBe(true);
    expect(r.bucket).toBeDefined();
  });

  it.each([1, 5, 60, 120])(
    "a new client has limit (%d) tokens: limit immediate calls pass, the next is refused",
    (limit) => {
      const now = 1_700_000_000_000;
      const d = drain(undefined, now, limit);
      expect(d.allowed).toBe(limit);
      expect(d.refused.allowed).toBe(false);
      expect(d.refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(d.refused.retryAfterSeconds)).toBe(true);
    },
  );
});

describe("takeToken — retryAfterSeconds is the whole seconds until one token is back (spec 5)", () => {
  it.each([
    [60, 1], // 1 token per second
    [120, 1], // 0.5 s → rounds up to 1
    [30, 2],
    [6, 10],
    [7, 9], // 60/7 = 8.57 s → 9
    [1, 60],
  ])("limit %d → %d s", (limit, seconds) => {
    const d = drain(undefined, 0, limit);
    expect(d.refused.retryAfterSeconds).toBe(seconds);
  });

  it("after waiting part of the interval, the remaining time is rounded up", () => {
    const limit = 6; // one token per 10 s
    const d = drain(undefined, 0, limit);
    const r = takeToken(d.bucket, 2_500, limit); // 7.5 s still missing
    expect(r.allowed).toBe(false);
    expect(r.retryAfterSeconds).toBe(8);
  });

  it("waiting retryAfterSeconds makes the next call pass", () => {
    const limit = 7;
    const d = drain(undefined, 0, limit);
    const wait = d.refused.retryAfterSeconds * 1000;
    expect(takeToken(d.bucket, wait, limit).allowed).toBe(true);
  });
});

describe("takeToken — continuous refill at limit/60000 per ms (spec 5)", () => {
  it("limit 60: refused at 999 ms after draining, allowed at 1000 ms", () => {
    const d = drain(undefined, 0, 60);
    expect(takeToken(d.bucket, 999, 60).allowed).toBe(false);
    expect(takeToken(d.bucket, 1000, 60).allowed).toBe(true);
  });

  it("limit 60: 2.5 s after draining, exactly 2 calls pass; the leftover half token shortens the wait", () => {
    const d = drain(undefined, 0, 60);
    const again = drain(d.bucket, 2_500, 60);
    expect(again.allowed).toBe(2);
    // 0.5 token left, 0.5 s to the next → whole seconds: 1
    expect(again.refused.retryAfterSeconds).toBe(1);
    expect(takeToken(again.bucket, 3_000, 60).allowed).toBe(true);
  });

  it("refused calls do not consume tokens", () => {
    const d = drain(undefined, 0, 60);
    let b = d.bucket;
    for (let i = 0; i < 20; i++) {
      const r = takeToken(b, 500, 60);
      expect(r.allowed).toBe(false);
      b = r.bucket;
    }
    expect(takeToken(b, 1000, 60).allowed).toBe(true);
  });

  it("after 60 s an emptied bucket is full again", () => {
    const limit = 30;
    const d = drain(undefined, 0, limit);
    expect(drain(d.bucket, 60_000, limit).allowed).toBe(limit);
  });

  it("never more than limit: after 10 minutes idle still only limit calls pass", () => {
    const limit = 10;
    const d = drain(undefined, 0, limit);
    expect(drain(d.bucket, 600_000, limit).allowed).toBe(limit);
  });

  it("never more than limit: a partly used bucket does not overfill", () => {
    const limit = 10;
    let b: Bucket | undefined;
    for (let i = 0; i < 3; i++) b = takeToken(b, 0, limit).bucket;
    expect(drain(b, 3_600_000, limit).allowed).toBe(limit);
  });

  it("calls spread at the refill rate are all allowed indefinitely", () => {
    const limit = 60;
    let b: Bucket | undefined;
    for (let i = 0; i < 300; i++) {
      const r = takeToken(b, i * 1000, limit);
      expect(r.allowed).toBe(true);
      b = r.bucket;
    }
  });
});

describe("takeToken — over a longer window (DOMAIN §8: objections per address per hour)", () => {
  const HOUR = 3_600_000;
  it("limit 10 per hour: ten pass at once, the eleventh waits six minutes for one token", () => {
    let b: Bucket | undefined;
    for (let i = 0; i < 10; i++) {
      const r = takeToken(b, 0, 10, HOUR);
      expect(r.allowed).toBe(true);
      b = r.bucket;
    }
    const refused = takeToken(b, 0, 10, HOUR);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 360 });
    expect(takeToken(refused.bucket, 360_000, 10, HOUR).allowed).toBe(true);
  });
});

describe("abuse limits — issue 20 N11, N13: costly or guessing requests per address, apart from the API's", () => {
  it("allows a report PDF ten times a minute, a verification twenty, a challenge thirty", () => {
    expect(ABUSE_LIMITS.report.perMinute).toBe(10);
    let b: Bucket | undefined;
    let allowed = 0;
    for (let i = 0; i < 300; i++) {
      const r = takeToken(b, 1_000 + i * 15, ABUSE_LIMITS.verify.perMinute);
      b = r.bucket;
      if (r.allowed) allowed += 1;
    }
    // 300 guesses in 4.5 s: twenty get through, and one more for the tokens refilled meanwhile
    expect(allowed).toBeLessThanOrEqual(22);
  });
  it("says in Chinese what was asked too often and when to try again", () => {
    expect(abuseMessage("verify", 3)).toBe("报告核验过于频繁：同一网络地址每分钟最多 20 次，请 3 秒后再试。");
  });
});

describe("take_token() in SQL is takeToken (issue 24: one limit across app nodes)", () => {
  it("migration 0045 defines the function exactly as takeTokenFunctionSql() prints it", () => {
    const migration = readFileSync(
      new URL("../../db/migrations/0045_take_token_lease.sql", import.meta.url),
      "utf8",
    );
    expect(migration).toContain(takeTokenFunctionSql());
  });
});

describe("mayReadAhead — a read starts before the shared bucket answers only with tokens to spare (issue 24 §2)", () => {
  const t0 = 1_800_000_000_000;
  it("a client this node has not answered yet waits for the bucket", () => {
    expect(mayReadAhead(undefined, t0, 60)).toBe(false);
  });
  it("a tenth of the limit left: the read goes ahead; less: it waits", () => {
    expect(mayReadAhead({ tokens: 6, at: t0 }, t0, 60)).toBe(true);
    expect(mayReadAhead({ tokens: 5.9, at: t0 }, t0, 60)).toBe(false);
  });
  it("never on the last token, whatever the limit", () => {
    expect(mayReadAhead({ tokens: 1, at: t0 }, t0, 5)).toBe(false);
    expect(mayReadAhead({ tokens: 2, at: t0 }, t0, 5)).toBe(true);
  });
  it("a drained client counts the refill since its last answer (limit/60000 per ms)", () => {
    expect(mayReadAhead({ tokens: 0, at: t0 }, t0 + 5_999, 60)).toBe(false);
    expect(mayReadAhead({ tokens: 0, at: t0 }, t0 + 6_000, 60)).toBe(true);
  });
  it("a refused client's answer (no token left) holds it back", () => {
    const refused = takeToken({ tokens: 0.5, at: t0 }, t0, 60);
    expect(mayReadAhead({ tokens: refused.bucket.tokens, at: t0 }, t0, 60)).toBe(false);
  });
});

describe("takeToken — a lease: several tokens at once, the unspent ones given back (issue 24 §2)", () => {
  const t0 = 1_800_000_000_000;
  it("grants as many whole tokens as there are, up to the number wanted", () => {
    const r = takeToken({ tokens: 3.5, at: t0 }, t0, 60, 60_000, 8);
    expect(r).toMatchObject({ allowed: true, granted: 3 });
    expect(r.bucket.tokens).toBeCloseTo(0.5, 9);
    expect(takeToken(undefined, t0, 60, 60_000, 8).granted).toBe(8);
  });
  it("tokens given back count first, but never fill the bucket past the limit", () => {
    expect(takeToken({ tokens: 0, at: t0 }, t0, 60, 60_000, 1, 2)).toMatchObject({
      allowed: true,
      granted: 1,
    });
    expect(takeToken({ tokens: 59, at: t0 }, t0, 60, 60_000, 1, 5).bucket.tokens).toBe(59);
  });
  it("an empty bucket grants nothing, however many are wanted", () => {
    expect(takeToken({ tokens: 0.2, at: t0 }, t0, 60, 60_000, 8)).toMatchObject({
      allowed: false,
      granted: 0,
    });
  });
});

describe("leases an app node holds (issue 24 §2: a round trip per lease, not per request)", () => {
  const t0 = 1_800_000_000_000;
  it("at most a twentieth of the limit; 39 a minute or less is counted one request at a time", () => {
    expect(maxLease(600)).toBe(30);
    expect(maxLease(39)).toBe(1);
    expect(maxLease(20)).toBe(1);
  });
  it("a lease is spent token by token within its time, and not after", () => {
    const lease = { size: 2, left: 2, until: t0 + LEASE_MS };
    const once = spendLease(lease, t0);
    expect(once?.left).toBe(1);
    expect(spendLease(once, t0 + 10)?.left).toBe(0);
    expect(spendLease({ ...lease, left: 0 }, t0)).toBeUndefined();
    expect(spendLease(lease, t0 + LEASE_MS + 1)).toBeUndefined();
    expect(spendLease(undefined, t0)).toBeUndefined();
  });
  it("a new client's first lease is one token; a steady client's doubles up to the most, a slow one's halves", () => {
    expect(nextLeaseSize(undefined, t0, 600)).toBe(1);
    const spent = (size: number) => ({ size, left: 0, until: t0 + LEASE_MS });
    expect(nextLeaseSize(spent(4), t0, 600)).toBe(8);
    expect(nextLeaseSize(spent(16), t0, 600)).toBe(30);
    expect(nextLeaseSize({ size: 8, left: 3, until: t0 }, t0 + 1, 600)).toBe(4);
    expect(nextLeaseSize(spent(1), t0 + LEASE_MS + 1, 600)).toBe(1);
  });
  it("under a small limit every lease is one token", () => {
    expect(nextLeaseSize({ size: 1, left: 0, until: t0 + LEASE_MS }, t0, 20)).toBe(1);
  });
});

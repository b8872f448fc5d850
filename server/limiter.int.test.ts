import { describe, expect, it } from "vitest";
import { servedTestDatabase } from "@/db/testing/served";
import { type Bucket, takeToken } from "@/lib/access/rate-limit";
import { createLimiter } from "./limiter";

const database = servedTestDatabase();

describe("rate limits kept in the database (issue 24 §2)", () => {
  it("take_token() answers as lib's takeToken over the same calls and times", async () => {
    const limit = 5;
    const window = 60_000;
    let bucket: Bucket | undefined;
    // a burst, a refusal, partial refills and a long pause
    const times = [0, 1, 2, 3, 4, 5, 6, 5_000, 12_000, 12_001, 30_000, 200_000, 200_001].map(
      (t) => 1_800_000_000_000 + t,
    );
    // and leases: several tokens wanted at once, unspent ones given back
    const leases = [
      [1, 0],
      [3, 0],
      [1, 0],
      [1, 0],
      [2, 1],
      [1, 0],
      [1, 0],
      [4, 0],
      [1, 2],
      [1, 0],
      [3, 0],
      [5, 0],
      [1, 1],
    ];
    for (const [i, now] of times.entries()) {
      const [want, giveBack] = leases[i] as [number, number];
      const lib = takeToken(bucket, now, limit, window, want, giveBack);
      bucket = lib.bucket;
      const [sql] = await database().exec(
        "SELECT allowed, retry_after_seconds, tokens_left, granted FROM take_token('probe', 'k', $1, $2, $3, $4, $5)",
        [limit, window, now, want, giveBack],
      );
      expect(
        { allowed: sql?.allowed, retry: Number(sql?.retry_after_seconds), granted: Number(sql?.granted) },
        String(now),
      ).toEqual({ allowed: lib.allowed, retry: lib.retryAfterSeconds, granted: lib.granted });
      expect(Number(sql?.tokens_left)).toBeCloseTo(lib.bucket.tokens, 9);
    }
  });

  it("two limiters of one name — two app nodes — count against one limit; other names and keys are apart", async () => {
    const nodeA = createLimiter("shared-probe", { ownLeases: true });
    const nodeB = createLimiter("shared-probe", { ownLeases: true });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await (i % 2 ? nodeB : nodeA)("203.0.113.9", 4)).allowed);
    expect(answers).toEqual([true, true, true, true, false, false]);
    const refused = await nodeA("203.0.113.9", 4);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await nodeB("203.0.113.10", 4)).allowed).toBe(true);
    expect((await createLimiter("other-probe")("203.0.113.9", 4)).allowed).toBe(true);
    const [row] = await database().exec(
      "SELECT count(*)::int AS n FROM rate_buckets WHERE name = 'shared-probe'",
    );
    expect(row?.n).toBe(2);
  });

  it("two nodes holding leases still give a client no more than its limit, and not much less", async () => {
    const limit = 600; // a lease of up to 30 tokens per node
    const nodeA = createLimiter("lease-probe", { lease: true, ownLeases: true });
    const nodeB = createLimiter("lease-probe", { lease: true, ownLeases: true });
    const started = Date.now();
    let allowed = 0;
    for (let i = 0; i < 800; i++)
      if ((await (i % 2 ? nodeB : nodeA)("203.0.113.20", limit)).allowed) allowed++;
    const refill = Math.ceil(((Date.now() - started) / 60_000) * limit);
    // every token comes from the shared bucket; at most two leases (2 × 30) sit unspent on the nodes
    expect(allowed).toBeLessThanOrEqual(limit + refill);
    expect(allowed).toBeGreaterThanOrEqual(limit - 60);
    const [row] = await database().exec(
      "SELECT tokens FROM rate_buckets WHERE name = 'lease-probe' AND key = '203.0.113.20'",
    );
    expect(Number(row?.tokens)).toBeLessThan(1 + refill);
  });

  it("a lease not spent in its second goes back to the bucket with the node's next question", async () => {
    // 40 in ten minutes: leases of up to 2, and a refill too slow to matter here
    const o = { windowMs: 600_000, ownLeases: true };
    const nodeA = createLimiter("give-back-probe", { ...o, lease: true });
    const nodeB = createLimiter("give-back-probe", o);
    const ip = "203.0.113.21";
    expect((await nodeA(ip, 40)).allowed).toBe(true);
    expect((await nodeA(ip, 40)).allowed).toBe(true); // a lease of 2: one token left in hand
    let drained = 0;
    while ((await nodeB(ip, 40)).allowed) drained++;
    expect(drained).toBe(37);
    await new Promise((r) => setTimeout(r, 1_100));
    // A's lease has expired: its token goes back with A's next question, and is this request's
    expect((await nodeA(ip, 40)).allowed).toBe(true);
    expect((await nodeB(ip, 40)).allowed).toBe(false);
  });
});

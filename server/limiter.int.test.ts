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
    for (const now of times) {
      const lib = takeToken(bucket, now, limit, window);
      bucket = lib.bucket;
      const [sql] = await database().exec(
        "SELECT allowed, retry_after_seconds, tokens_left FROM take_token('probe', 'k', $1, $2, $3)",
        [limit, window, now],
      );
      expect({ allowed: sql?.allowed, retry: Number(sql?.retry_after_seconds) }, String(now)).toEqual({
        allowed: lib.allowed,
        retry: lib.retryAfterSeconds,
      });
      expect(Number(sql?.tokens_left)).toBeCloseTo(lib.bucket.tokens, 9);
    }
  });

  it("two limiters of one name — two app nodes — count against one limit; other names and keys are apart", async () => {
    const nodeA = createLimiter("shared-probe");
    const nodeB = createLimiter("shared-probe");
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
});

/**
 * A token bucket per client: `limit` requests per window (a minute unless said), refilled continuously. Pure: the
 * caller passes `now`.
 */
export type Bucket = { tokens: number; at: number };

export function takeToken(
  bucket: Bucket | undefined,
  now: number,
  limit: number,
  windowMs = 60_000,
): { allowed: boolean; bucket: Bucket; retryAfterSeconds: number } {
  const perMs = limit / windowMs;
  const current = bucket ? Math.min(limit, bucket.tokens + (now - bucket.at) * perMs) : limit;
  if (current >= 1) return { allowed: true, bucket: { tokens: current - 1, at: now }, retryAfterSeconds: 0 };
  return {
    allowed: false,
    bucket: { tokens: current, at: now },
    retryAfterSeconds: Math.max(1, Math.ceil((1 - current) / perMs / 1000)),
  };
}

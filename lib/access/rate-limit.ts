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

/**
 * Issue 20 N11, N13: what one client address may ask for apart from the API's own limit, because each costs the
 * server real work (a report PDF: ~0.7 s of CPU) or guesses at a secret (a report's code, a challenge to spend).
 */
export const ABUSE_LIMITS = {
  report: { perMinute: 10, what: "信用报告下载" },
  verify: { perMinute: 20, what: "报告核验" },
  challenge: { perMinute: 30, what: "防滥用校验请求" },
} as const;
export type AbuseKind = keyof typeof ABUSE_LIMITS;

export const abuseMessage = (kind: AbuseKind, retryAfterSeconds: number) =>
  `${ABUSE_LIMITS[kind].what}过于频繁：同一网络地址每分钟最多 ${ABUSE_LIMITS[kind].perMinute} 次，请 ${retryAfterSeconds} 秒后再试。`;

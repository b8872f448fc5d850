/**
 * A token bucket per client: `limit` requests per window (a minute unless said), refilled continuously. Pure: the
 * caller passes `now`.
 */
export type Bucket = { tokens: number; at: number };

/** The tokens a bucket holds at `now`, refilled at limit/window per ms since it was counted; a new one is full. */
export function tokensAt(bucket: Bucket | undefined, now: number, limit: number, windowMs = 60_000): number {
  return bucket ? Math.min(limit, bucket.tokens + (now - bucket.at) * (limit / windowMs)) : limit;
}

export function takeToken(
  bucket: Bucket | undefined,
  now: number,
  limit: number,
  windowMs = 60_000,
  /** tokens wanted at once (an app node's lease); as many whole ones as there are, up to this, are granted */
  want = 1,
  /** a lease's unspent tokens, returned first */
  giveBack = 0,
): { allowed: boolean; granted: number; bucket: Bucket; retryAfterSeconds: number } {
  const perMs = limit / windowMs;
  const current = bucket ? Math.min(limit, tokensAt(bucket, now, limit, windowMs) + giveBack) : limit;
  if (current >= 1) {
    const granted = Math.min(want, Math.floor(current));
    return { allowed: true, granted, bucket: { tokens: current - granted, at: now }, retryAfterSeconds: 0 };
  }
  return {
    allowed: false,
    granted: 0,
    bucket: { tokens: current, at: now },
    retryAfterSeconds: Math.max(1, Math.ceil((1 - current) / perMs / 1000)),
  };
}

/**
 * A client's tokens an app node holds, taken from the shared bucket at once (issue 24: a round trip per lease,
 * not per request). It may be spent until `until`; what is left then goes back with the next request to the bucket.
 */
export type Lease = { size: number; left: number; until: number };

/** How long a node may spend a lease before it asks the shared bucket again. */
export const LEASE_MS = 1_000;

/** At most a twentieth of the limit: a limit of 39 or less is counted at the bucket one request at a time. */
export const maxLease = (limit: number) => Math.max(1, Math.floor(limit / 20));

/** The lease after one more request, or undefined when it has nothing to spend now. */
export function spendLease(lease: Lease | undefined, now: number): Lease | undefined {
  if (!lease || lease.left < 1 || now > lease.until) return undefined;
  return { ...lease, left: lease.left - 1 };
}

/**
 * The size of the next lease: 1 for a client new here; doubled when the last was spent within its time (a
 * steady client), halved when it was not. Never above maxLease.
 */
export function nextLeaseSize(last: Lease | undefined, now: number, limit: number): number {
  if (!last) return 1;
  const spentInTime = last.left < 1 && now <= last.until;
  return Math.min(maxLease(limit), spentInTime ? last.size * 2 : Math.max(1, Math.floor(last.size / 2)));
}

/**
 * Whether a public read may start while the shared bucket is still being asked (issue 24: the lookup's second
 * round trip). Only when the client's last answer, refilled since, leaves a tenth of its limit (at least 2): other
 * nodes may have spent some meanwhile, so this is a guess, and the bucket's answer still decides — a refused
 * client gets its 429 and the read is thrown away. A client near its limit, or unknown here, waits for the answer
 * first. Each early read is counted against `last` (the caller's), so a burst reads early no more often than the
 * client had tokens left.
 */
export function mayReadAhead(
  /** the shared bucket's last answer to this client on this node: the tokens it left (with the node's lease), and when */
  last: Bucket | undefined,
  now: number,
  limit: number,
  windowMs = 60_000,
): boolean {
  return last !== undefined && tokensAt(last, now, limit, windowMs) >= Math.max(2, limit / 10);
}

/**
 * takeToken as a PostgreSQL function over the shared table rate_buckets (issue 24: every app node counts against
 * one limit). Migration 0045 holds this text, and a test keeps the two equal; the clock is the database's unless
 * a test passes `p_now_ms`.
 */
export function takeTokenFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION take_token(p_name text, p_key text, p_limit double precision,
  p_window_ms double precision, p_now_ms double precision DEFAULT NULL, p_want integer DEFAULT 1,
  p_give_back double precision DEFAULT 0)
RETURNS TABLE (allowed boolean, retry_after_seconds integer, tokens_left double precision, granted integer)
LANGUAGE plpgsql AS $$
DECLARE
  per_ms double precision := p_limit / p_window_ms;
  now_ms double precision := coalesce(p_now_ms, extract(epoch FROM clock_timestamp()) * 1000);
  avail double precision;
  got integer;
BEGIN
  INSERT INTO rate_buckets AS b (name, key, tokens, at_ms) VALUES (p_name, p_key, p_limit, now_ms)
  ON CONFLICT (name, key) DO UPDATE
    SET tokens = least(p_limit, b.tokens + (now_ms - b.at_ms) * per_ms + p_give_back), at_ms = now_ms
  RETURNING b.tokens INTO avail;
  IF avail >= 1 THEN
    got := least(p_want, floor(avail))::integer;
    UPDATE rate_buckets SET tokens = avail - got WHERE name = p_name AND key = p_key;
    RETURN QUERY SELECT true, 0, avail - got, got;
  ELSE
    RETURN QUERY SELECT false, greatest(1, ceil((1 - avail) / per_ms / 1000))::integer, avail, 0;
  END IF;
END $$;`;
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

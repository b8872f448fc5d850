import "server-only";
import { type Bucket, takeToken } from "@/lib/rate-limit";
import { metaFromHeaders } from "../auth/request-meta";
import { getPolicy } from "../settings";

/** Beyond this many clients in a minute the oldest buckets are dropped: memory stays bounded. */
const MAX_CLIENTS = 100_000;

/** Token buckets per key, in this process; keys whose bucket has refilled are forgotten. */
export function createLimiter() {
  const buckets = new Map<string, Bucket>();
  let sweptAt = 0;
  return (key: string, limitPerMinute: number, now = Date.now()) => {
    if (now - sweptAt > 60_000) {
      for (const [k, b] of buckets) if (now - b.at > 60_000) buckets.delete(k);
      sweptAt = now;
    }
    const r = takeToken(buckets.get(key), now, limitPerMinute);
    buckets.delete(key); // re-insert: Map order is then least-recently-seen first
    buckets.set(key, r.bucket);
    if (buckets.size > MAX_CLIENTS) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    return r;
  };
}

const apiLimiter = createLimiter();

/** The client's address, as the audit trail records it (see metaFromHeaders). */
export function clientKey(request: Request): string {
  return metaFromHeaders(request.headers).ip;
}

/** null when the request may go on; otherwise the 429 answer, with Retry-After (DOMAIN §12). */
export async function rateLimited(request: Request): Promise<Response | null> {
  const { apiRateLimitPerMinute: limit } = await getPolicy();
  const r = apiLimiter(clientKey(request), limit);
  if (r.allowed) return null;
  return Response.json(
    {
      error: {
        code: "rate_limited",
        message: `请求过于频繁：每个客户端每分钟最多 ${limit} 次，请 ${r.retryAfterSeconds} 秒后再试。`,
      },
    },
    { status: 429, headers: { "retry-after": String(r.retryAfterSeconds) } },
  );
}

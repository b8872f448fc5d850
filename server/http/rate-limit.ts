import "server-only";
import { type Bucket, takeToken } from "@/lib/rate-limit";
import { config } from "../config";
import { getPolicy } from "../settings";

const buckets = new Map<string, Bucket>();
let sweptAt = 0;

/** Beyond this many clients in a minute the oldest buckets are dropped: memory stays bounded. */
const MAX_CLIENTS = 100_000;

/**
 * The client's address: the header a trusted gateway sets (CLIENT_IP_HEADER, which overwrites what a client
 * sends), else the first x-forwarded-for entry that `next start` fills from the socket. Without a gateway a
 * client can forge the latter; deployments put one in front (README).
 */
export function clientKey(request: Request): string {
  const h = request.headers;
  const trusted = config().clientIpHeader;
  return ((trusted && h.get(trusted)) || h.get("x-forwarded-for")?.split(",")[0] || "unknown").trim();
}

/** null when the request may go on; otherwise the 429 answer, with Retry-After (DOMAIN §12). */
export async function rateLimited(request: Request): Promise<Response | null> {
  const { apiRateLimitPerMinute: limit } = await getPolicy();
  const now = Date.now();
  if (now - sweptAt > 60_000) {
    // forget clients whose bucket has refilled: the map stays as large as the last minute's clients
    for (const [k, b] of buckets) if (now - b.at > 60_000) buckets.delete(k);
    sweptAt = now;
  }
  const key = clientKey(request);
  const r = takeToken(buckets.get(key), now, limit);
  buckets.delete(key); // re-insert: Map order is then least-recently-seen first
  buckets.set(key, r.bucket);
  if (buckets.size > MAX_CLIENTS) {
    const oldest = buckets.keys().next().value;
    if (oldest !== undefined) buckets.delete(oldest);
  }
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

import "server-only";
import { type Bucket, takeToken } from "@/lib/rate-limit";
import { config } from "../config";
import { getPolicy } from "../settings";

const buckets = new Map<string, Bucket>();
let sweptAt = 0;

/**
 * The client's address: the gateway's header when configured (it overwrites what a client sends), else the
 * first x-forwarded-for entry, which `next start` fills from the socket when the client sent none.
 */
export function clientKey(request: Request): string {
  const h = request.headers;
  const trusted = config().clientIpHeader;
  return (h.get(trusted) ?? h.get("x-forwarded-for")?.split(",")[0] ?? "unknown").trim();
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
  buckets.set(key, r.bucket);
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

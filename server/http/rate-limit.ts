import "server-only";
import { metaFromHeaders } from "../auth/request-meta";
import { createLimiter } from "../limiter";
import { getPolicy } from "../settings";

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

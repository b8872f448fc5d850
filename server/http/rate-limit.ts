import "server-only";
import { ABUSE_LIMITS, type AbuseKind, abuseMessage } from "@/lib/access/rate-limit";
import { metaFromHeaders } from "../auth/request-meta";
import { createLimiter } from "../limiter";
import { getPolicy } from "../settings";

const apiLimiter = createLimiter("api");

/** The client's address, as the audit trail records it (see metaFromHeaders). */
export function clientKey(request: Request): string {
  return metaFromHeaders(request.headers).ip;
}

/** null when the request may go on; otherwise the 429 answer, with Retry-After (DOMAIN §12). */
export async function rateLimited(request: Request): Promise<Response | null> {
  const { apiRateLimitPerMinute: limit } = await getPolicy();
  const r = await apiLimiter(clientKey(request), limit);
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

const abuse = Object.fromEntries(
  Object.keys(ABUSE_LIMITS).map((k) => [k, createLimiter(`abuse:${k}`)]),
) as Record<AbuseKind, ReturnType<typeof createLimiter>>;

/** Issue 20 N11, N13: whether this address may ask for `kind` once more; when not, the Chinese reason. */
export async function allowance(
  kind: AbuseKind,
  ip: string,
): Promise<{ allowed: true } | { allowed: false; message: string; retryAfterSeconds: number }> {
  const r = await abuse[kind](ip, ABUSE_LIMITS[kind].perMinute);
  return r.allowed
    ? { allowed: true }
    : {
        allowed: false,
        message: abuseMessage(kind, r.retryAfterSeconds),
        retryAfterSeconds: r.retryAfterSeconds,
      };
}

/** The same for a route handler: null when the request may go on, else its 429 with Retry-After. */
export async function abuseLimited(request: Request, kind: AbuseKind): Promise<Response | null> {
  const a = await allowance(kind, clientKey(request));
  if (a.allowed) return null;
  return Response.json(
    { error: { code: "rate_limited", message: a.message } },
    { status: 429, headers: { "retry-after": String(a.retryAfterSeconds) } },
  );
}

import "server-only";
import { ABUSE_LIMITS, type AbuseKind, abuseMessage } from "@/lib/access/rate-limit";
import { metaFromHeaders } from "../auth/request-meta";
import { createLimiter } from "../limiter";
import { getPolicy } from "../settings";

const apiLimiter = createLimiter("api", { lease: true });

/** The client's address, as the audit trail records it (see metaFromHeaders). */
export function clientKey(request: Request): string {
  return metaFromHeaders(request.headers).ip;
}

/** null when the request may go on; otherwise the 429 answer, with Retry-After (DOMAIN §12). */
export async function rateLimited(request: Request): Promise<Response | null> {
  const { apiRateLimitPerMinute: limit } = await getPolicy();
  return refusal(await apiLimiter(clientKey(request), limit), limit);
}

/**
 * A public read under the API's limit: `read` starts at once when the client had tokens to spare at its last
 * request here (lib mayReadAhead, counting the reads already started), else once the limit allows it. Either way
 * a refused client gets only its 429. Only for reads: a refused request must change nothing.
 */
export async function readWithinLimit(request: Request, read: () => Promise<Response>): Promise<Response> {
  const { apiRateLimitPerMinute: limit } = await getPolicy();
  const key = clientKey(request);
  const verdict = apiLimiter(key, limit);
  if (!apiLimiter.readAhead(key, limit)) return refusal(await verdict, limit) ?? read();
  const [limited, answer] = await Promise.allSettled([verdict, read()]);
  if (limited.status === "rejected") throw limited.reason;
  const refused = refusal(limited.value, limit);
  if (refused) return refused;
  if (answer.status === "rejected") throw answer.reason;
  return answer.value;
}

function refusal(r: Awaited<ReturnType<typeof apiLimiter>>, limit: number): Response | null {
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

/**
 * Issue 9 §5: which address a request came from. The server appends the socket's address to X-Forwarded-For,
 * as a proxy does, so the list reads client, proxy 1, …, socket. With `trustedProxies` proxies in front, the
 * client is that many hops from the right; with none it is the socket itself. The leftmost entry, which any
 * client can write, is never believed unless it is exactly where the trusted hops end.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => normaliseAddress(s.trim()))
    .filter(Boolean);
  if (hops.length === 0) return "unknown";
  const at = Math.max(0, hops.length - 1 - Math.max(0, Math.floor(trustedProxies)));
  return (hops[at] ?? "unknown").slice(0, 64);
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) reads as `127.0.0.1`. */
export function normaliseAddress(a: string): string {
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * A forwarded header (X-Forwarded-Host, -Proto) as the outermost of `trustedProxies` proxies wrote it: a proxy
 * that appends leaves what the client sent on the left, so the value is read from the right.
 */
export function forwardedValue(
  v: string | string[] | null | undefined,
  trustedProxies: number,
): string | undefined {
  const list = (Array.isArray(v) ? v.join(",") : (v ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list[Math.max(0, list.length - Math.max(1, trustedProxies))];
}

/**
 * Rewrites the forwarding headers of an incoming request in place, before the framework reads them. Without
 * trusted proxies, whatever the client sent as X-Forwarded-* is dropped (so a forged X-Forwarded-Host cannot
 * pass an Origin check either) and the socket's address is the whole list; with them, the socket's address is
 * appended. Returns whether the request arrived over HTTPS (the socket, or a trusted proxy that says so).
 */
export function stampForwarded(
  headers: HeaderBag,
  socket: { remoteAddress?: string | undefined; encrypted?: boolean | undefined },
  trustedProxies: number,
): { https: boolean } {
  const peer = normaliseAddress(socket.remoteAddress ?? "unknown");
  if (trustedProxies <= 0) {
    for (const h of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"])
      delete headers[h];
    headers["x-forwarded-for"] = peer;
    return { https: Boolean(socket.encrypted) };
  }
  const sent = headers["x-forwarded-for"];
  const list = (Array.isArray(sent) ? sent.join(", ") : (sent ?? "")).trim();
  headers["x-forwarded-for"] = list ? `${list}, ${peer}` : peer;
  return {
    https:
      Boolean(socket.encrypted) || forwardedValue(headers["x-forwarded-proto"], trustedProxies) === "https",
  };
}

export const FOREIGN_ORIGIN = "请求来源不是本站，已拒绝。";

/**
 * Issue 9 §11: a request that changes data under a session cookie must say it comes from this site. No Origin
 * is a refusal (browsers send it on every POST); the host compared is the Host header, or the X-Forwarded-Host
 * of a trusted proxy — never one a client wrote itself.
 */
export function isSameOrigin(h: {
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
  trustedProxies: number;
}): boolean {
  if (!h.origin) return false;
  const forwarded = h.trustedProxies > 0 ? forwardedValue(h.forwardedHost, h.trustedProxies) : undefined;
  const host = forwarded || h.host;
  if (!host) return false;
  try {
    return new URL(h.origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * An Origin header that is there but is no URL (empty, garbage): Next's action handler throws on it and answers
 * a bare 500, so the server in front refuses it first. "null" (a sandboxed or privacy-minded page) is refused
 * by the same rule, as it names no site.
 */
export function malformedOrigin(origin: string | string[] | undefined): boolean {
  if (origin === undefined) return false;
  try {
    new URL(Array.isArray(origin) ? (origin[0] ?? "") : origin);
    return false;
  } catch {
    return true;
  }
}

/**
 * One cookie's value from a request's Cookie header (RFC 6265 §5.4), decoded as Next's cookies() decodes it — for
 * code that has the request but runs outside Next's request scope (lib/web/direct-routes).
 */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const raw = pair.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/**
 * One cookie's value from a request's Cookie header (RFC 6265 §5.4), as Next's cookies() reads it: the last pair
 * of that name wins, and a value that does not decode is no value. For code that has the request but runs outside
 * Next's request scope (lib/web/direct-routes).
 */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  let found: string | undefined;
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    try {
      found = decodeURIComponent(pair.slice(eq + 1).trim());
    } catch {
      // as Next: an undecodable pair is skipped
    }
  }
  return found;
}

/**
 * Whether a response may be sent gzipped (RFC 9110 §12.5.3): "gzip" (or "x-gzip") or "*" with a quality above 0;
 * an explicit "gzip;q=0" refuses it whatever "*" says.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  let star = false;
  for (const item of (header ?? "").split(",")) {
    const [coding = "", ...params] = item.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    const ok = Number.isFinite(quality) && quality > 0;
    if (coding === "gzip" || coding === "x-gzip") return ok;
    if (coding === "*") star = ok;
  }
  return star;
}

/**
 * Issue 9 §12: scripts run only with this response's nonce ('strict-dynamic' lets the framework's own chunks,
 * loaded by a nonced script, run too) — no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': React's
 * style attributes need it and they cannot run code. `next dev` also needs eval for its refresh runtime.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Issue 20 N15: an uploaded file served from this origin (case materials, news attachments) runs nothing, loads
 * nothing and is framed by nothing — stricter than the pages' policy, which must never replace it.
 */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Two years, subdomains included: sent only on a response that went out over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Sent with every response (next.config.ts's headers(), and the read API routes the server in front answers). */
export const RESPONSE_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

import "server-only";
import { headers } from "next/headers";
import { clientAddress, forwardedValue, isSameOrigin } from "@/lib/access/client-address";
import { config } from "../config";
import type { RequestMeta } from "../context";

export type { RequestMeta };

/**
 * The client's address as rate limits, the sign-in throttle and the audit log all see it: the socket's, which
 * the server (scripts/serve.ts) appends to X-Forwarded-For, or that of the client of the last trusted proxy
 * (TRUSTED_PROXIES). Never the leftmost value a client writes itself (issue 9 §5).
 */
export function metaFromHeaders(h: Headers): RequestMeta {
  const ip = clientAddress(h.get("x-forwarded-for"), config().trustedProxies);
  return { ip, userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}

/** Whether a data-changing request comes from this site's own pages (see isSameOrigin). */
export function sameOrigin(h: Headers): boolean {
  return isSameOrigin({
    origin: h.get("origin"),
    host: h.get("host"),
    forwardedHost: h.get("x-forwarded-host"),
    trustedProxies: config().trustedProxies,
  });
}

export async function requestFromThisSite(): Promise<boolean> {
  return sameOrigin(await headers());
}

/**
 * The site's public origin for absolute links: SITE_URL, else what the request was addressed to (the trusted
 * proxy's X-Forwarded-Host/-Proto, or the Host header) — never the server's own localhost:port.
 */
export function siteOrigin(h: Headers): string {
  const { siteUrl, trustedProxies } = config();
  if (siteUrl) return siteUrl;
  const trusted = trustedProxies > 0;
  const host =
    (trusted && forwardedValue(h.get("x-forwarded-host"), trustedProxies)) || h.get("host") || "localhost";
  const https = trusted && forwardedValue(h.get("x-forwarded-proto"), trustedProxies) === "https";
  return `${https ? "https" : "http"}://${host}`;
}

import "server-only";
import { headers } from "next/headers";
import { clientAddress, isSameOrigin } from "@/lib/client-address";
import { config } from "../config";

export type RequestMeta = { ip: string; userAgent: string | null };

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

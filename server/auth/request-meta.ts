import "server-only";
import { headers } from "next/headers";
import { config } from "../config";

export type RequestMeta = { ip: string; userAgent: string | null };

/**
 * The client's address: the header a trusted gateway sets (CLIENT_IP_HEADER, which overwrites what a client
 * sends), else the first x-forwarded-for entry that `next start` fills from the socket. Without a gateway a
 * client can forge the latter; deployments put one in front (README).
 */
export function metaFromHeaders(h: Headers): RequestMeta {
  const trusted = config().clientIpHeader;
  const ip = ((trusted && h.get(trusted)) || h.get("x-forwarded-for")?.split(",")[0] || "unknown").trim();
  return { ip: ip.slice(0, 64), userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}

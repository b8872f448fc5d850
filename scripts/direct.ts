import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { DIRECT_ROUTES, type DirectRoutes, matchDirectRoute } from "../lib/web/direct-routes";
import { RESPONSE_HEADERS } from "../lib/web/security-headers";

const gzipped = promisify(gzip);
// what Next's own compression leaves as it is
const COMPRESS_FROM_BYTES = 1024;

/**
 * The read API's hot routes, answered here with the app's own handlers (lib/web/direct-routes): false when the
 * request is not one of them, or the app has not published them yet, and Next must answer it.
 */
export async function answerDirect(
  req: IncomingMessage,
  res: ServerResponse,
  https: boolean,
): Promise<boolean> {
  if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return false;
  const routes = (globalThis as Record<symbol, DirectRoutes | undefined>)[DIRECT_ROUTES];
  const hit = routes ? matchDirectRoute(Object.keys(routes), req.url) : null;
  const handler = hit && routes?.[hit.route];
  const request = handler ? toRequest(req, https) : null;
  if (!hit || !handler || !request) return false;
  let response: Response;
  try {
    response = await handler(request, { params: Promise.resolve(hit.params) });
  } catch (err) {
    // the handlers answer their own failures; this is a bug in that, never a reason to answer nothing
    console.error(`[direct ${req.method} ${req.url}]`, err);
    response = Response.json(
      { error: { code: "internal", message: "服务暂时不可用，请稍后重试。" } },
      { status: 500 },
    );
  }
  let body = Buffer.from(await response.arrayBuffer());
  for (const { key, value } of RESPONSE_HEADERS) res.setHeader(key, value);
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.setHeader("vary", "Accept-Encoding");
  if (body.length >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = await gzipped(body);
    res.setHeader("content-encoding", "gzip");
  }
  res.setHeader("content-length", body.length);
  res.writeHead(response.status);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/** The Node request as the fetch Request a route handler takes; null for a Host no URL can carry (Next answers). */
function toRequest(req: IncomingMessage, https: boolean): Request | null {
  try {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    return new Request(`${https ? "https" : "http"}://${req.headers.host ?? "localhost"}${req.url}`, {
      method: req.method,
      headers,
    });
  } catch {
    return null;
  }
}

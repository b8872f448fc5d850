import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { acceptsGzip } from "../lib/web/cookie";
import { DIRECT_ROUTES, type DirectRoutes, matchDirectRoute } from "../lib/web/direct-routes";
import { RESPONSE_HEADERS } from "../lib/web/security-headers";

const gzipped = promisify(gzip);
// what Next's own compression leaves as it is
const COMPRESS_FROM_BYTES = 1024;

/**
 * The read API's hot routes, answered here with the app's own handlers (lib/web/direct-routes): false when the
 * request is not one of them, or the app has not published them yet, and Next must answer it.
 */
export async function answerDirect(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return false;
  const routes = (globalThis as Record<symbol, DirectRoutes | undefined>)[DIRECT_ROUTES];
  const hit = routes ? matchDirectRoute(Object.keys(routes), req.url) : null;
  const handler = hit && routes?.[hit.route];
  if (!hit || !handler) return false;
  try {
    const response = await handler(toRequest(req), { params: Promise.resolve(hit.params) });
    await send(req, res, response);
  } catch (err) {
    // the handlers answer their own failures: this is a fault here, never a reason to leave a client hanging
    console.error(`[direct ${req.method} ${req.url}]`, err);
    const failed = Response.json(
      { error: { code: "internal", message: "服务暂时不可用，请稍后重试。" } },
      { status: 500 },
    );
    if (res.headersSent) res.destroy();
    else await send(req, res, failed).catch(() => res.destroy());
  }
  return true;
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  let body = Buffer.from(await response.arrayBuffer());
  for (const { key, value } of RESPONSE_HEADERS) res.setHeader(key, value);
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.setHeader("vary", "Accept-Encoding");
  if (body.length >= COMPRESS_FROM_BYTES && acceptsGzip(req.headers["accept-encoding"])) {
    body = await gzipped(body);
    res.setHeader("content-encoding", "gzip");
  }
  res.setHeader("content-length", body.length);
  res.writeHead(response.status);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * The Node request as the fetch Request a route handler takes. Its origin is fixed, as Next's is: the client's
 * Host header must not become part of the URL (a Host of "x?q=B&" would replace the query the path was matched with).
 */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  return new Request(new URL(req.url ?? "/", "http://localhost"), { method: req.method, headers });
}

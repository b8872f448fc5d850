import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIRECT_ROUTES, type DirectRoutes } from "../lib/web/direct-routes";
import { answerDirect } from "./direct";

// The server in front, with stand-in handlers: what it answers itself, and what it leaves to Next (here a 418).
let server: Server;
let port = 0;
const big = "信用".repeat(1000);

beforeAll(async () => {
  const routes: DirectRoutes = {
    "/api/v1/subjects": async (request) =>
      Response.json(
        { q: new URL(request.url).searchParams.get("q"), big },
        { headers: { "x-from": "direct" } },
      ),
    "/api/v1/subjects/[code]": async (_request, { params }) => {
      const { code } = await params;
      if (code === "boom") throw new Error("a fault past the handler's own wrapper");
      return Response.json({ code }, { status: code === "missing" ? 404 : 200 });
    },
  };
  (globalThis as Record<symbol, unknown>)[DIRECT_ROUTES] = routes;
  server = createServer(async (req, res) => {
    if (await answerDirect(req, res)) return;
    res.writeHead(418).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  delete (globalThis as Record<symbol, unknown>)[DIRECT_ROUTES];
  server.close();
});

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("the read API answered in front of Next (issue 24 §1)", () => {
  it("answers its routes with the handler's status, headers and the site's own, and a length", async () => {
    const r = await get("/api/v1/subjects?q=%E5%BB%BA%E5%B7%A5", { "accept-encoding": "identity" });
    expect(r.status).toBe(200);
    expect(r.headers["x-from"]).toBe("direct");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(JSON.parse(r.body.toString()).q).toBe("建工");
    expect((await get("/api/v1/subjects/missing")).status).toBe(404);
  });
  it("leaves everything else to Next: other paths, other methods, a trailing slash", async () => {
    expect((await get("/api/v1/penalties")).status).toBe(418);
    expect((await get("/api/v1/subjects/ABC/")).status).toBe(418);
    expect((await get("/api/v1/subjects", {}, "POST")).status).toBe(418);
    expect((await get("/api/v1/subjects", {}, "OPTIONS")).status).toBe(418);
  });
  it("never lets the Host header into the URL the handler reads", async () => {
    const r = await get("/api/v1/subjects?q=A", { host: "x?q=B&", "accept-encoding": "identity" });
    expect(JSON.parse(r.body.toString()).q).toBe("A");
    const hashed = await get("/api/v1/subjects?q=A", { host: "x#", "accept-encoding": "identity" });
    expect(JSON.parse(hashed.body.toString()).q).toBe("A");
  });
  it("gzips a large answer when asked, and not when gzip is refused with q=0", async () => {
    const packed = await get("/api/v1/subjects?q=A", { "accept-encoding": "gzip, deflate" });
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(packed.body).toString()).big).toBe(big);
    const plain = await get("/api/v1/subjects?q=A", { "accept-encoding": "gzip;q=0, *" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
  });
  it("answers HEAD with the GET's length and no body", async () => {
    const head = await get("/api/v1/subjects/ABC", { "accept-encoding": "identity" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(JSON.stringify({ code: "ABC" }).length);
  });
  it("answers a fault past the handler's wrapper with a 500 in Chinese, and keeps serving", async () => {
    const r = await get("/api/v1/subjects/boom");
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body.toString()).error.message).toContain("服务暂时不可用");
    expect((await get("/api/v1/subjects/ABC")).status).toBe(200);
  });
});

import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Socket } from "node:net";
import { SetupError } from "../db/errors";
import { checkReplicasAtStart } from "../db/replicas";
import { FOREIGN_ORIGIN, isSameOrigin, malformedOrigin, stampForwarded } from "../lib/access/client-address";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "../lib/web/security-headers";
import {
  actionRefusal,
  isPageRequest,
  routeHandlerPatterns,
  UNAVAILABLE_PROBE,
  type UnavailableProbe,
  unavailablePage,
} from "../lib/web/web-gate";
import { config } from "../server/config";
import { answerDirect } from "./direct";
import { withSendfile } from "./sendfile";

/**
 * The HTTP server in front of Next (`npm start`, `npm run demo`, the e2e and bench servers). It is the one
 * place that sees the socket, so it settles what a client may not: its address (issue 9 §5: `next start`
 * keeps a client's X-Forwarded-For as it is), the X-Forwarded-* headers of untrusted clients, HSTS over HTTPS
 * and a fresh CSP nonce per request, which Next reads from the request's policy header for its own scripts.
 */
const dev = process.argv.includes("--dev");
const portArg = process.argv.indexOf("-p");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 3000));

// before the .env files, Next and React load: they pick their production or development variants from it
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });
const { runCli } = await import("./cli");

await runCli(async () => {
  const { trustedProxies, replicaUrls, webConcurrency, authSecret } = config();
  // without it every sign-in fails with a server error, long after the start looked fine
  if (!dev && !authSecret)
    throw new SetupError(
      "环境变量配置有误：\n  AUTH_SECRET: 生产环境必须设置（至少 16 个字符），用于签署后台和企业端的会话 Cookie；本机演示请用 npm run demo，它会生成一个\n各变量的说明见 README.md。",
    );
  if (cluster.isPrimary && webConcurrency > 1 && !dev) return superviseWorkers(webConcurrency);
  // a worker whose supervisor is gone (killed outright) must not keep serving on its own
  if (cluster.isWorker) process.on("disconnect", () => process.exit(0));
  if (replicaUrls.length) await checkReplicasAtStart(replicaUrls);
  const { default: next } = await import("next");
  const app = next({ dev, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  // the build's route handlers: every other GET is a page, whatever it accepts (next dev has no manifest)
  const handlers = dev
    ? undefined
    : routeHandlerPatterns(
        Object.keys(JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as object),
      );
  const probe = () => (globalThis as Record<symbol, UnavailableProbe | undefined>)[UNAVAILABLE_PROBE];
  const server = createServer(async (req, res) => {
    const { https } = stampForwarded(
      req.headers,
      req.socket as Socket & { encrypted?: boolean },
      trustedProxies,
    );
    const csp = contentSecurityPolicy(randomBytes(16).toString("base64"), { dev });
    req.headers["content-security-policy"] = csp;
    // the pages' policy, unless the app answered with its own (a file's stricter one, issue 20 N15)
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!this.hasHeader("content-security-policy")) this.setHeader("Content-Security-Policy", csp);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    if (https) res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    if (req.method !== "GET" && req.method !== "HEAD" && malformedOrigin(req.headers.origin)) {
      res.writeHead(403, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: { code: "bad_origin", message: FOREIGN_ORIGIN } }));
      return;
    }
    const refused = actionRefusal({
      method: req.method,
      nextAction: req.headers["next-action"] !== undefined,
      hasOrigin: req.headers.origin !== undefined,
      sameOrigin: isSameOrigin({
        origin: req.headers.origin ?? null,
        host: req.headers.host ?? null,
        forwardedHost: (req.headers["x-forwarded-host"] as string | undefined) ?? null,
        trustedProxies,
      }),
      contentLength: req.headers["content-length"],
    });
    if (refused) {
      // answered before the body is read; a body of sane size is then read away so the client, heard out, gets
      // the answer (closing at once leaves it writing into a closed socket); a huge one is cut off
      const drain = Number(req.headers["content-length"] ?? 0) <= 256 * 1024 * 1024;
      res.writeHead(refused.status, {
        "content-type": "application/json; charset=utf-8",
        ...(drain ? {} : { connection: "close" }),
      });
      res.end(JSON.stringify({ error: { code: refused.code, message: refused.message } }));
      if (drain) req.resume();
      return;
    }
    if (isPageRequest(req.method, req.url, req.headers.accept ?? "", req.headers.rsc === "1", handlers)) {
      const errorId = await probe()?.();
      if (errorId) {
        res.writeHead(503, {
          "content-type": "text/html; charset=utf-8",
          "retry-after": "30",
          "cache-control": "no-store",
        });
        res.end(req.method === "HEAD" ? undefined : unavailablePage(errorId));
        return;
      }
    }
    if (!dev && (await answerDirect(req, res))) return;
    if (req.url?.startsWith("/open-data/")) withSendfile(res, config().openDataDir, req.method === "HEAD");
    await handle(req, res);
  });
  server.on("error", (err: NodeJS.ErrnoException) => {
    console.error(
      err.code === "EADDRINUSE"
        ? `\n错误：端口 ${port} 已被占用。请停止占用它的程序，或用 PORT 指定其他端口。\n`
        : `\n错误：无法在端口 ${port} 上启动服务：${err.message}\n`,
    );
    process.exit(2);
  });
  server.listen(port, () =>
    console.log(`> 服务已启动：http://localhost:${port}${dev ? "（开发模式）" : ""}`),
  );
  // exit (not just close) so the PGlite lock is released by its exit handler
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(0));
});

/**
 * WEB_CONCURRENCY server processes on one port, restarted if one dies: Node runs a request's JavaScript on one
 * core, and rendering a page is JavaScript. The processes share nothing but the database, the object store and
 * the settings notifications, like app nodes behind a load balancer (issue 24 §2).
 */
function superviseWorkers(n: number): void {
  let stopping = false;
  const deaths: number[] = [];
  const stop = (code: number) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // a setup error (a port in use, a bad variable) is the same in every process: stop, as a single process would
    if (code === 2) return stop(2);
    const now = Date.now();
    deaths.push(now);
    while ((deaths[0] as number) < now - 60_000) deaths.shift();
    if (deaths.length > 5) {
      console.error("\n错误：服务进程一分钟内异常退出超过 5 次，服务已停止。\n");
      return stop(1);
    }
    console.error(`服务进程 ${worker.process.pid} 异常退出（${signal ?? code}），已重新启动。`);
    cluster.fork();
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stop(0));
  for (let i = 0; i < n; i++) cluster.fork();
}

import { FOREIGN_ORIGIN } from "../access/client-address";

/**
 * Issue 9 §13: while the database is out of reach every page answers 503, not a 500 or an empty body. Next
 * cannot set a page's status to 503, so the server in front asks the app (through this key on globalThis)
 * before it hands over a page request, and answers the outage itself.
 */
export const UNAVAILABLE_PROBE = Symbol.for("credit-jiangxi.unavailable-probe");
/** Resolves to the id of the logged failure while the database is unreachable, else null. */
export type UnavailableProbe = () => Promise<string | null>;

/**
 * The route handlers of a build, as patterns over the request path, from the keys of Next's app-paths manifest
 * ("/(public)/open-data/[file]/route"): route groups dropped, a segment [x] one path segment, [...x] the rest.
 */
export function routeHandlerPatterns(manifestKeys: readonly string[]): RegExp[] {
  return manifestKeys
    .filter((k) => k.endsWith("/route"))
    .map((k) => {
      const segments = k
        .slice(0, -"/route".length)
        .split("/")
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .map((s) =>
          s.startsWith("[...")
            ? ".+"
            : s.startsWith("[")
              ? "[^/]+"
              : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
        );
      return new RegExp(`^/${segments.join("/")}$`);
    });
}

/**
 * A page (or its RSC payload) being fetched: what the probe guards. Assets, files, the API, route handlers (they
 * answer an outage themselves, in JSON) and actions are not pages. With the build's route handlers known, any GET of
 * a page is one whatever its Accept header (issue 20 N16: `Accept: *\/*` got Next's 500); without them (next dev),
 * what asks for HTML or RSC.
 */
export function isPageRequest(
  method: string | undefined,
  url: string | undefined,
  accept: string,
  rsc: boolean,
  handlers?: readonly RegExp[],
) {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url || url.startsWith("/_next/") || url.startsWith("/api/")) return false;
  const path = url.split(/[?#]/)[0] ?? "";
  if (handlers) return !/\.[A-Za-z0-9]+$/.test(path) && !handlers.some((h) => h.test(path));
  return rsc || accept.includes("text/html");
}

/** What an action's body may weigh: 5 files of 10 MB and the form around them (next.config's bodySizeLimit). */
export const ACTION_MAX_BYTES = 52 * 1024 * 1024;

/**
 * Issue 20 N16: a server action that Next itself would refuse with a bare 500 — from a foreign Origin, or past its
 * body limit — is answered in Chinese by the server in front, before Next reads it. An action's body must declare
 * its length (browsers always do), so that it can be judged before it is read. null: let it through.
 */
export function actionRefusal(r: {
  method: string | undefined;
  nextAction: boolean;
  sameOrigin: boolean;
  hasOrigin: boolean;
  contentLength: string | undefined;
}): { status: 403 | 411 | 413; code: string; message: string } | null {
  if (r.method !== "POST" || !r.nextAction) return null;
  if (r.hasOrigin && !r.sameOrigin) return { status: 403, code: "bad_origin", message: FOREIGN_ORIGIN };
  if (r.contentLength === undefined)
    return { status: 411, code: "length_required", message: "提交的表单没有声明长度，请用浏览器重新提交。" };
  if (Number(r.contentLength) > ACTION_MAX_BYTES)
    return {
      status: 413,
      code: "too_large",
      message: `提交的内容超过 ${ACTION_MAX_BYTES / 1048576} MB：附件最多 5 个，每个不超过 10 MB，请减少后重试。`,
    };
  return null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained page (no script, no external file): the app behind it is not there to render one. */
export function unavailablePage(errorId: string): string {
  const id = escapeHtml(errorId);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>服务暂时不可用 · 信用江西</title>
<style>body{margin:0;font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#0f172a;background:#f8fafc}
main{max-width:36rem;margin:4rem auto;padding:0 1.25rem}h1{font-size:1.5rem}p{line-height:1.7;color:#334155}
code{background:#e2e8f0;padding:.1rem .35rem;border-radius:.25rem}</style></head>
<body><main><p>信用江西</p><h1>服务暂时不可用</h1>
<p>数据库暂时无法访问，网站暂停服务。请稍后刷新重试。</p>
<p>如需联系管理员，请提供错误编号 <code>${id}</code>。</p></main></body></html>
`;
}

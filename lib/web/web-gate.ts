/**
 * Issue 9 §13: while the database is out of reach every page answers 503, not a 500 or an empty body. Next
 * cannot set a page's status to 503, so the server in front asks the app (through this key on globalThis)
 * before it hands over a page request, and answers the outage itself.
 */
export const UNAVAILABLE_PROBE = Symbol.for("credit-jiangxi.unavailable-probe");
/** Resolves to the id of the logged failure while the database is unreachable, else null. */
export type UnavailableProbe = () => Promise<string | null>;

/** A page (or its RSC payload) being fetched: what the probe guards. Assets, API and actions are not pages. */
export function isPageRequest(
  method: string | undefined,
  url: string | undefined,
  accept: string,
  rsc: boolean,
) {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url || url.startsWith("/_next/") || url.startsWith("/api/")) return false;
  return rsc || accept.includes("text/html");
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

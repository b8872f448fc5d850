/**
 * Issue 24 §1: the read API's hot routes (search, USCC lookup) are answered by the server in front
 * (scripts/serve.ts) calling the same handler the route file exports, without Next's router around it — which
 * costs about as much CPU per request as the read itself. The app publishes the handlers under this key on
 * globalThis when it starts; until it has, and for anything but a plain GET or HEAD, Next answers as before.
 */
export const DIRECT_ROUTES = Symbol.for("credit-jiangxi.direct-routes");

/** What a route handler gets besides the request: its path parameters, as Next passes them. */
export type RouteParams = { params: Promise<Record<string, string>> };
export type DirectHandler = (request: Request, route: RouteParams) => Promise<Response>;
/** A route in Next's notation ("/api/v1/subjects/[code]", no catch-alls) → its GET handler. */
export type DirectRoutes = Readonly<Record<string, DirectHandler>>;

/**
 * The route a request path (with its query) falls under, and its decoded parameters — or null, and Next answers:
 * a trailing or doubled slash or a backslash (Next redirects those), a dot segment, an empty or undecodable
 * parameter, a target that is not a path.
 */
export function matchDirectRoute(
  routes: readonly string[],
  url: string,
): { route: string; params: Record<string, string> } | null {
  const path = url.split("?", 1)[0] ?? "";
  // Next redirects a path with a backslash; a request target in absolute form is Next's to refuse
  if (/[#\\]/.test(path) || !/^(\/[^/]+)+$/.test(path)) return null;
  const segments = path.slice(1).split("/");
  for (const route of routes) {
    const pattern = route.slice(1).split("/");
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((p, i) => {
      const s = segments[i] ?? "";
      if (!(p.startsWith("[") && p.endsWith("]"))) return p === s;
      const value = decodeSegment(s);
      if (value === null) return false;
      params[p.slice(1, -1)] = value;
      return true;
    });
    if (fits) return { route, params };
  }
  return null;
}

function decodeSegment(s: string): string | null {
  if (s === "." || s === "..") return null;
  try {
    const value = decodeURIComponent(s);
    return value === "" || value === "." || value === ".." ? null : value;
  } catch {
    return null;
  }
}

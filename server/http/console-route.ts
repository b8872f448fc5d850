import "server-only";
import type { RoleName } from "@/lib/roles";
import { auditDenied, type CurrentUser, checkAccess } from "../auth/guard";
import { APP_ERROR_STATUS, AppError, logUnexpected } from "../errors";
import { apiError } from "./api";

/**
 * Server actions get an Origin check from Next; route handlers that change data under the session cookie do it
 * here (issue 5 §9): the browser's Origin must be this site.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

type Handler<P> = (ctx: { request: Request; user: CurrentUser; params: P }) => Promise<Response>;

/** The guard of cookie-authenticated route handlers: session, password change, role, Origin; safe errors. */
export function consoleRoute<P = Record<string, string>>(roles: readonly RoleName[], handler: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) {
      return apiError(403, "bad_origin", "请求来源不是本站，已拒绝。");
    }
    const access = await checkAccess(roles);
    if (!access.ok) return apiError(access.status, access.code, access.message);
    const { user } = access;
    try {
      return await handler({ request, user, params: await route.params });
    } catch (err) {
      if (err instanceof AppError) {
        if (err.code === "forbidden" || err.code === "not_found") await auditDenied(user, err.message);
        return apiError(APP_ERROR_STATUS[err.code], err.code, err.message);
      }
      const id = logUnexpected(`${request.method} ${new URL(request.url).pathname}`, err);
      return apiError(500, "internal", `服务暂时不可用，请稍后重试（错误编号 ${id}）。`, { errorId: id });
    }
  };
}

import "server-only";
import { FOREIGN_ORIGIN } from "@/lib/access/client-address";
import type { RoleName } from "@/lib/access/roles";
import { auditDenied, type CurrentUser, checkAccess } from "../auth/guard";
import { sameOrigin } from "../auth/request-meta";
import { APP_ERROR_STATUS, AppError, logUnexpected } from "../errors";
import { markOwnWrite } from "../reads";
import { apiError, failureResponse } from "./api";

type Handler<P> = (ctx: { request: Request; user: CurrentUser; params: P }) => Promise<Response>;

/**
 * The guard of cookie-authenticated route handlers: Origin (issue 9 §11; before anything else, so a foreign
 * request learns nothing), session, password change, role; safe errors, 503 while the database is down.
 */
export function consoleRoute<P = Record<string, string>>(roles: readonly RoleName[], handler: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request.headers)) {
      return apiError(403, "bad_origin", FOREIGN_ORIGIN);
    }
    let user: CurrentUser | undefined;
    try {
      const access = await checkAccess(roles);
      if (!access.ok) return apiError(access.status, access.code, access.message);
      user = access.user;
      const response = await handler({ request, user, params: await route.params });
      if (request.method !== "GET" && request.method !== "HEAD") await markOwnWrite();
      return response;
    } catch (err) {
      if (err instanceof AppError) {
        if (err.code === "forbidden" || err.code === "not_found")
          await auditDenied(user ?? null, err.message).catch((e) => logUnexpected("audit refusal", e));
        return apiError(APP_ERROR_STATUS[err.code], err.code, err.message);
      }
      return failureResponse(request, err);
    }
  };
}

import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { type ApiKeyScope, bearerToken, SCOPE_OWNER } from "@/lib/access/api-key-scopes";
import { logAudit } from "../audit";
import { metaFromHeaders } from "../auth/request-meta";
import { today } from "../clock";
import type { RequestMeta } from "../context";
import { getDb } from "../db";
import { APP_ERROR_STATUS, AppError } from "../errors";
import { type DepartmentKey, type InstitutionKey, identifyKey } from "../services/api-keys";
import { apiError, failureResponse } from "./api";
import { rateLimited } from "./rate-limit";

/** The key a scope admits: a department's for 报送 and 核查, an institution's for 授权查询. */
type KeyOf<Sc extends ApiKeyScope> = (typeof SCOPE_OWNER)[Sc] extends "institution"
  ? InstitutionKey
  : DepartmentKey;

export type KeyRouteContext<B, P, K = DepartmentKey> = {
  db: Db;
  key: K;
  body: B;
  params: P;
  meta: RequestMeta;
  today: string;
};

/**
 * Every route a department's system calls with an API key (issue 21 §7), in one place: the rate limit, the key
 * (Authorization: Bearer cjx_… or X-Api-Key), its scope, the JSON body checked by `body`, an audit row for each
 * refused key, and one mapping of errors to answers. No cookie is read, so no Origin check applies.
 */
export function keyRoute<
  S extends z.ZodType,
  P = Record<string, string>,
  Sc extends ApiKeyScope = ApiKeyScope,
>(o: { scope: Sc; body: S }, handler: (ctx: KeyRouteContext<z.infer<S>, P, KeyOf<Sc>>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const limited = await rateLimited(request);
      if (limited) return limited;
      const db = await getDb();
      const meta = metaFromHeaders(request.headers);
      const token = bearerToken(request.headers.get("authorization"), request.headers.get("x-api-key"));
      const key = token ? await identifyKey(db, token) : null;
      const refuse = async (status: 401 | 403, code: string, message: string) => {
        await db.transaction((tx) =>
          logAudit(tx, {
            action: "api_key.refused",
            outcome: "denied",
            entityType: "api_key",
            entityId: key ? String(key.keyId) : null,
            after: { path: new URL(request.url).pathname, scope: o.scope, reason: code },
            ip: meta.ip,
            userAgent: meta.userAgent,
          }),
        );
        return apiError(status, code, message);
      };
      if (!key)
        return refuse(
          401,
          "unauthenticated",
          "缺少或无效的接口密钥（Authorization: Bearer cjx_…），或密钥已被吊销。",
        );
      const owner = "institutionId" in key ? "institution" : "department";
      if (!key.scopes.includes(o.scope) || owner !== SCOPE_OWNER[o.scope])
        return refuse(403, "forbidden_scope", `该接口密钥无权调用此接口（需要权限：${o.scope}）。`);
      let json: unknown;
      try {
        json = await request.json();
      } catch {
        return apiError(400, "bad_body", "请求体应为 JSON。");
      }
      const parsed = o.body.safeParse(json);
      if (!parsed.success) return apiError(400, "bad_body", parsed.error.issues[0]?.message ?? "请求体有误");
      return await handler({
        db,
        key: key as KeyOf<Sc>,
        body: parsed.data,
        params: await route.params,
        meta,
        today: today(),
      });
    } catch (err) {
      if (err instanceof AppError) return apiError(APP_ERROR_STATUS[err.code], err.code, err.message);
      return failureResponse(request, err);
    }
  };
}

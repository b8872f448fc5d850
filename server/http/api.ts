import "server-only";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/db/errors";
import { isIsoDate } from "@/lib/calendar/dates";
import { isRegionFilter } from "@/lib/subjects/regions";
import { MAX_INT_PARAM } from "@/lib/web/query-string";
import { logUnexpected, unavailableMessage } from "../errors";
import { asVisitor } from "../reads";
import { readWithinLimit } from "./rate-limit";

export function apiError(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
  headers?: HeadersInit,
): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers });
}

/**
 * The answer to an unexpected failure of a route handler: logged under an id, and the id is all the client
 * sees — 503 with Retry-After while the database is out of reach, 500 otherwise (issue 9 §13).
 */
export function failureResponse(request: Request, err: unknown): Response {
  const id = logUnexpected(`${request.method} ${new URL(request.url).pathname}`, err);
  if (isDatabaseUnavailable(err))
    return apiError(503, "unavailable", unavailableMessage(id), { errorId: id }, { "retry-after": "30" });
  return apiError(500, "internal", `服务暂时不可用，请稍后重试（错误编号 ${id}）。`, { errorId: id });
}

/** Any handler, with its failures answered by failureResponse (never an empty 500). */
export function safeHandler<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response>,
) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (err) {
      return failureResponse(request, err);
    }
  };
}

/** Open data may be read from any origin; it is public and read-only. */
const PUBLIC_HEADERS = { "access-control-allow-origin": "*", "cache-control": "public, max-age=60" };

export function publicJson(data: unknown, init?: ResponseInit): Response {
  return Response.json(data, { ...init, headers: { ...PUBLIC_HEADERS, ...init?.headers } });
}

/**
 * The public read API's wrapper: per-client rate limit, query parameters parsed by zod (a 400 that names the
 * parameter), and any failure logged with an id that the 500 answer shows instead of a stack or SQL.
 */
type Handler<S extends z.ZodType, P> = (input: z.infer<S>, request: Request, route: P) => Promise<Response>;

const run = safeHandler(
  <S extends z.ZodType, P>(
    request: Request,
    route: P,
    params: S,
    raw: () => Promise<unknown>,
    handler: Handler<S, P>,
  ) => readWithinLimit(request, () => asVisitor(request, () => answer(request, route, params, raw, handler))),
);

async function answer<S extends z.ZodType, P>(
  request: Request,
  route: P,
  params: S,
  raw: () => Promise<unknown>,
  handler: Handler<S, P>,
): Promise<Response> {
  let input: unknown;
  try {
    input = await raw();
  } catch {
    return apiError(400, "bad_body", "请求体应为 JSON 对象。");
  }
  const parsed = params.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return apiError(
      400,
      "bad_parameter",
      `参数 ${issue?.path.join(".") || "?"} 无效：${issue?.message ?? ""}`,
    );
  }
  return handler(parsed.data, request, route);
}

/**
 * The public read API's wrapper: per-client rate limit, parameters parsed by zod (a 400 that names the
 * parameter), and any failure logged with an id that the 500 answer shows instead of a stack or SQL.
 */
export function publicGet<S extends z.ZodType, P>(params: S, handler: Handler<S, P>) {
  return (request: Request, route: P) =>
    run(request, route, params, async () => Object.fromEntries(new URL(request.url).searchParams), handler);
}

/** The same for a read that takes a JSON body (public, no session: nothing to forge). */
export function publicPost<S extends z.ZodType, P>(params: S, handler: Handler<S, P>) {
  return (request: Request, route: P) => run(request, route, params, () => request.json(), handler);
}

/** Shared query parameters; messages in Chinese because they reach API users verbatim. */
export const pageParam = z.coerce
  .number({ message: "应为整数" })
  .int("应为整数")
  .min(1, "最小为 1")
  .max(500, "最大为 500")
  .default(1);
export const dateParam = z.string().refine(isIsoDate, "应为有效日期，格式 YYYY-MM-DD").optional();
export const regionParam = z
  .string()
  .refine(isRegionFilter, "应为江西省的 4 位或 6 位行政区划代码，如 3601")
  .optional();
export const deptParam = z.coerce
  .number({ message: "应为部门编号" })
  .int("应为部门编号")
  .min(1, "应为部门编号")
  .max(MAX_INT_PARAM, "应为部门编号")
  .optional();

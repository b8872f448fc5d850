import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { rateLimited } from "./rate-limit";

export function apiError(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
): Response {
  return Response.json({ error: { code, message, ...extra } }, { status });
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

async function run<S extends z.ZodType, P>(
  request: Request,
  route: P,
  params: S,
  raw: () => Promise<unknown>,
  handler: Handler<S, P>,
): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
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
  try {
    return await handler(parsed.data, request, route);
  } catch (err) {
    const id = randomUUID().slice(0, 8);
    console.error(`[error ${id}] ${request.method} ${new URL(request.url).pathname}:`, err);
    return apiError(500, "internal", `服务暂时不可用，请稍后重试（错误编号 ${id}）。`, { errorId: id });
  }
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
  .regex(/^36(\d{2}){1,2}$/, "应为江西省的 4 位或 6 位行政区划代码，如 3601")
  .optional();
export const deptParam = z.coerce.number({ message: "应为部门编号" }).int().min(1).optional();

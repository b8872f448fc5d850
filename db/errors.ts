/** Problems of configuration or environment, worded for the person starting the app (no stack trace). */
export class SetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SetupError";
  }
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(无法解析的地址)";
  }
}

/** Turns a driver's connection failure into a sentence that says what to check. */
export function describeConnectionError(url: string, err: unknown): SetupError {
  const e = err as { code?: string; message?: string };
  const where = redact(url);
  const reasons: Record<string, string> = {
    ECONNREFUSED: "连接被拒绝：该地址上没有运行 PostgreSQL，或端口不对",
    ENOTFOUND: "找不到主机名",
    EAI_AGAIN: "无法解析主机名",
    ETIMEDOUT: "连接超时",
    CONNECT_TIMEOUT: "连接超时",
    "28P01": "用户名或密码错误",
    "28000": "服务器拒绝了该用户的连接",
    "3D000": "数据库不存在",
  };
  const reason = (e.code && reasons[e.code]) ?? e.message ?? String(err);
  return new SetupError(
    `无法连接数据库 DATABASE_URL=${where}：${reason}。请检查 DATABASE_URL，或删除该变量以使用内置数据库。`,
    {
      cause: err,
    },
  );
}

// Connection-level failures of postgres.js and PostgreSQL (SQLSTATE class 08, shutdown, overload): the database
// is out of reach, not the request at fault. Socket codes count only from a connect or a name look-up, so a
// client that drops its own upload (ECONNRESET) is not taken for an outage.
const SOCKET = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const UNREACHABLE = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** Whether a failure means the database cannot be reached (a 503), looking through wrapped causes. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth++) {
    if (e instanceof SetupError || (e as Error).name === "DatabaseLockedError") return true;
    const { code, syscall } = e as { code?: unknown; syscall?: unknown };
    if (typeof code === "string" && (UNREACHABLE.has(code) || code.startsWith("08"))) return true;
    if (typeof code === "string" && SOCKET.has(code) && (syscall === "connect" || syscall === "getaddrinfo"))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Postgres' unique_violation (23505) on either driver, optionally of one named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | null;
  if (typeof e !== "object" || e === null) return false;
  if (e.code === "23505")
    return !constraint || e.constraint_name === constraint || e.constraint === constraint;
  return e.cause !== undefined && isUniqueViolation(e.cause, constraint);
}

import "server-only";
import { randomUUID } from "node:crypto";

export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid"
  | "too_large"
  | "too_many"
  | "unavailable";

export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  too_large: 413,
  too_many: 429,
  unavailable: 503,
};

/** The one error type of use cases (STYLE §7): a code for the status and a message safe to show in Chinese. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Logs an unexpected failure under a short id and returns the id, which is all the user is shown. */
export function logUnexpected(where: string, err: unknown): string {
  const id = randomUUID().slice(0, 8);
  console.error(`[error ${id}] ${where}:`, err);
  return id;
}

export const unexpectedMessage = (id: string) => `操作未能完成，请稍后重试（错误编号 ${id}）。`;

/** While the database is out of reach: every surface says so, with the id of the logged failure (issue 9 §13). */
export const unavailableMessage = (id: string) =>
  `数据库暂时无法访问，服务暂停。请稍后重试（错误编号 ${id}）。`;

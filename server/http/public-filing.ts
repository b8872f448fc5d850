import "server-only";
import { requestMeta } from "../auth/request-meta";
import type { RequestMeta } from "../context";
import { AppError } from "../errors";
import { createLimiter } from "../limiter";
import { powProblem } from "../pow";

/**
 * A case anyone files without an account (an objection, a report) is admitted (issue 14 §1): its proof-of-work
 * first — junk without one must not use up the address's quota — then at most `perHour` per address.
 */
export async function admitPublicFiling(o: {
  pow: string | undefined;
  /** the limiter's name: one quota per kind of filing */
  kind: string;
  noun: string;
  perHour: number;
}): Promise<RequestMeta> {
  const meta = await requestMeta();
  const pow = await powProblem(o.pow);
  if (pow) throw new AppError("invalid", pow);
  const limit = createLimiter(o.kind, 3_600_000)(meta.ip, o.perHour);
  if (!limit.allowed)
    throw new AppError(
      "invalid",
      `提交过于频繁：同一网络地址每小时最多提交 ${o.perHour} 件${o.noun}，请 ${Math.ceil(limit.retryAfterSeconds / 60)} 分钟后再试。`,
    );
  return meta;
}

/** A filer's look-up of their case (by number and secret): at most 20 a minute per address. */
export async function admitLookup(kind: string): Promise<RequestMeta> {
  const meta = await requestMeta();
  if (!createLimiter(kind)(meta.ip, 20).allowed)
    throw new AppError("invalid", "查询过于频繁，请一分钟后再试。");
  return meta;
}

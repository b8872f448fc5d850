import "server-only";
import { database } from "./db";

/** One in this many calls also forgets the buckets of its limit that have been idle a whole window (full again). */
const SWEEP_ONE_IN = 1000;

export type Limited = { allowed: boolean; retryAfterSeconds: number };

/**
 * Token buckets per key, one set per `name`, kept in the database (take_token(), lib/access/rate-limit's
 * takeToken in SQL): every app node, and every bundle of one node, counts against the same limit (issue 24).
 */
export function createLimiter(name: string, windowMs = 60_000) {
  return async (key: string, limit: number): Promise<Limited> => {
    const db = await database();
    const [r] = await db.exec("SELECT allowed, retry_after_seconds FROM take_token($1, $2, $3, $4)", [
      name,
      key.slice(0, 128),
      limit,
      windowMs,
    ]);
    if (Math.random() * SWEEP_ONE_IN < 1)
      await db.exec(
        "DELETE FROM rate_buckets WHERE name = $1 AND at_ms < extract(epoch FROM clock_timestamp()) * 1000 - $2",
        [name, windowMs],
      );
    return { allowed: r?.allowed === true, retryAfterSeconds: Number(r?.retry_after_seconds ?? 0) };
  };
}

import "server-only";
import type { LastAnswer } from "@/lib/access/rate-limit";
import { database } from "./db";

/** One in this many calls also forgets the buckets of its limit that have been idle a whole window (full again). */
const SWEEP_ONE_IN = 1000;
/** Last answers kept per limit on this node (a hint for mayReadAhead, never the count): the oldest go first. */
const LAST_ANSWERS_KEPT = 10_000;

export type Limited = { allowed: boolean; retryAfterSeconds: number };

/**
 * Token buckets per key, one set per `name`, kept in the database (take_token(), lib/access/rate-limit's
 * takeToken in SQL): every app node, and every bundle of one node, counts against the same limit (issue 24).
 */
export function createLimiter(name: string, windowMs = 60_000) {
  const answers = new Map<string, LastAnswer>();
  const take = async (key: string, limit: number): Promise<Limited> => {
    const db = await database();
    const [r] = await db.exec(
      "SELECT allowed, retry_after_seconds, tokens_left FROM take_token($1, $2, $3, $4)",
      [name, key.slice(0, 128), limit, windowMs],
    );
    answers.delete(key);
    answers.set(key, { tokensLeft: Number(r?.tokens_left ?? 0), at: Date.now() });
    if (answers.size > LAST_ANSWERS_KEPT) answers.delete(answers.keys().next().value as string);
    if (Math.random() * SWEEP_ONE_IN < 1)
      await db.exec(
        "DELETE FROM rate_buckets WHERE name = $1 AND at_ms < extract(epoch FROM clock_timestamp()) * 1000 - $2",
        [name, windowMs],
      );
    return { allowed: r?.allowed === true, retryAfterSeconds: Number(r?.retry_after_seconds ?? 0) };
  };
  /** what the shared bucket last answered `key` through this limiter, on this node */
  return Object.assign(take, { lastAnswer: (key: string) => answers.get(key) });
}

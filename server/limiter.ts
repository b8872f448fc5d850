import "server-only";
import { type Bucket, takeToken } from "@/lib/access/rate-limit";

/** Beyond this many clients in a minute the oldest buckets are dropped: memory stays bounded. */
const MAX_CLIENTS = 100_000;

/** Token buckets per key, in this process; keys whose bucket has refilled are forgotten. */
export function createLimiter(windowMs = 60_000) {
  const buckets = new Map<string, Bucket>();
  let sweptAt = 0;
  return (key: string, limit: number, now = Date.now()) => {
    if (now - sweptAt > 60_000) {
      for (const [k, b] of buckets) if (now - b.at > windowMs) buckets.delete(k);
      sweptAt = now;
    }
    const r = takeToken(buckets.get(key), now, limit, windowMs);
    buckets.delete(key); // re-insert: Map order is then least-recently-seen first
    buckets.set(key, r.bucket);
    if (buckets.size > MAX_CLIENTS) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    return r;
  };
}

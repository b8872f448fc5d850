import "server-only";
import { type Bucket, takeToken } from "@/lib/access/rate-limit";

/** Beyond this many clients in a window the oldest buckets are dropped: memory stays bounded. */
const MAX_CLIENTS = 100_000;

// Routes, pages and actions are separate bundles with their own module state: the buckets live on globalThis, by
// name, so that a limit counts every way in (the verify page, its action and its download share one).
const holder = globalThis as unknown as { __creditLimiters?: Map<string, Map<string, Bucket>> };

/** Token buckets per key, one set per `name` in this process; keys whose bucket has refilled are forgotten. */
export function createLimiter(name: string, windowMs = 60_000) {
  holder.__creditLimiters ??= new Map();
  let buckets = holder.__creditLimiters.get(name);
  if (!buckets) {
    buckets = new Map();
    holder.__creditLimiters.set(name, buckets);
  }
  const own = buckets;
  let sweptAt = 0;
  return (key: string, limit: number, now = Date.now()) => {
    if (now - sweptAt > 60_000) {
      for (const [k, b] of own) if (now - b.at > windowMs) own.delete(k);
      sweptAt = now;
    }
    const r = takeToken(own.get(key), now, limit, windowMs);
    own.delete(key); // re-insert: Map order is then least-recently-seen first
    own.set(key, r.bucket);
    if (own.size > MAX_CLIENTS) {
      const oldest = own.keys().next().value;
      if (oldest !== undefined) own.delete(oldest);
    }
    return r;
  };
}

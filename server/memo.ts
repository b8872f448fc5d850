import "server-only";

const store = new Map<string, { until: number; value: Promise<unknown> }>();

/**
 * Caches a read for `ttlMs` in this process: headline counts over millions of rows need not be exact
 * to the second, and must not cost a full count on every home-page view.
 */
export function memo<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = store.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  store.set(key, { until: now + ttlMs, value });
  value.catch(() => store.delete(key));
  return value;
}

/** Drops a cached read, so the next one loads afresh (after the data behind it changed in this process). */
export function forget(key: string): void {
  store.delete(key);
}

import "server-only";
import type { DbHandle } from "@/db/client";
import { database } from "./db";

/** The channel migration 0038's triggers announce a change on, with the table's name. */
const CACHE_CHANNEL = "credit_cache";
/** The cached reads a change to a table makes stale, on every app node (issue 24 §2). */
const STALE_AFTER: Record<string, string[]> = {
  settings: ["policy", "grading"],
  calendar_days: ["calendar"],
};
const WATCHED = new Set(Object.values(STALE_AFTER).flat());

// one store and one listener per process: routes, pages and actions are bundles with their own module state
const holder = globalThis as unknown as {
  __creditMemo?: Map<string, { until: number; value: Promise<unknown> }>;
  __creditMemoListening?: { on: DbHandle; ready: Promise<unknown> };
};
const store = () => {
  holder.__creditMemo ??= new Map();
  return holder.__creditMemo;
};

/**
 * Listens once per database handle for the tables' change announcements. Until it listens (or if it cannot),
 * a cached read still expires after its own time. The embedded database has one process by construction (and
 * a query from outside a transaction in progress would wait for it): there the process's own forget() suffices.
 */
async function listenForChanges(): Promise<void> {
  const db = await database();
  if (db.engine !== "postgres" || holder.__creditMemoListening?.on === db) return;
  const ready = db
    .listen(CACHE_CHANNEL, (table) => {
      for (const key of STALE_AFTER[table] ?? []) store().delete(key);
    })
    .catch((err: unknown) => {
      holder.__creditMemoListening = undefined;
      console.warn(`[cache] cannot listen for changes; cached settings expire by time only: ${err}`);
    });
  holder.__creditMemoListening = { on: db, ready };
  await ready;
}

/**
 * Caches a read for `ttlMs` in this process: headline counts over millions of rows need not be exact
 * to the second, and must not cost a full count on every home-page view. Reads listed in STALE_AFTER are
 * dropped at once when their table changes, on whichever node changed it.
 */
export function memo<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = store().get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = (WATCHED.has(key) ? listenForChanges().catch(() => {}) : Promise.resolve()).then(load);
  store().set(key, { until: now + ttlMs, value });
  value.catch(() => store().delete(key));
  return value;
}

/** Drops a cached read, so the next one loads afresh (after the data behind it changed in this process). */
export function forget(key: string): void {
  store().delete(key);
}

import "server-only";
import {
  type Bucket,
  LEASE_MS,
  type Lease,
  maxLease,
  mayReadAhead,
  nextLeaseSize,
  spendLease,
} from "@/lib/access/rate-limit";
import { database } from "./db";

/** One in this many calls also forgets the buckets of its limit that have been idle a whole window (full again). */
const SWEEP_ONE_IN = 1000;
/** Clients kept per limit on this node (their lease and last answer): the longest unseen go first. */
const CLIENTS_KEPT = 10_000;

export type Limited = { allowed: boolean; retryAfterSeconds: number };

/** What this node knows of one client under one limit. */
type Client = { lease?: Lease; answer?: Bucket; asking?: Promise<Limited> };

// one registry per process: every route and page bundle of a node holds the same leases
const registry = globalThis as unknown as { __creditLimiters?: Map<string, Map<string, Client>> };
const clientsOf = (name: string) => {
  registry.__creditLimiters ??= new Map();
  const clients = registry.__creditLimiters.get(name) ?? new Map<string, Client>();
  registry.__creditLimiters.set(name, clients);
  return clients;
};

/**
 * Token buckets per key, one set per `name`, kept in the database (take_token(), lib/access/rate-limit's
 * takeToken in SQL): every app node counts against the same limit (issue 24). With `lease`, a node takes a
 * steady client's tokens a few at a time and spends them without asking (lib nextLeaseSize: at most a twentieth of
 * the limit, for a second), giving back what it did not spend; a limit under 40 is still asked every request.
 */
export function createLimiter(
  name: string,
  o: {
    windowMs?: number;
    lease?: boolean;
    /** leases of its own, not the process's: a second app node in a test */
    ownLeases?: boolean;
  } = {},
) {
  const windowMs = o.windowMs ?? 60_000;
  const clients = o.ownLeases ? new Map<string, Client>() : clientsOf(name);

  const ask = async (key: string, limit: number, client: Client): Promise<Limited> => {
    const now = Date.now();
    const want = o.lease ? nextLeaseSize(client.lease, now, limit) : 1;
    // asked only when the lease has nothing to spend now: any whole tokens left are an expired lease's, and are
    // the bucket's again from here on, even if the answer is lost
    const giveBack = Math.floor(client.lease?.left ?? 0);
    if (client.lease) client.lease = { ...client.lease, left: 0 };
    const db = await database();
    const [r] = await db.exec(
      "SELECT allowed, retry_after_seconds, tokens_left, granted FROM take_token($1, $2, $3, $4, NULL, $5, $6)",
      [name, key.slice(0, 128), limit, windowMs, want, giveBack],
    );
    const granted = Number(r?.granted ?? 0);
    // the first granted token is this request's; a refused client starts again from a lease of one
    client.lease = granted > 0 ? { size: want, left: granted - 1, until: Date.now() + LEASE_MS } : undefined;
    client.answer = { tokens: Number(r?.tokens_left ?? 0) + (client.lease?.left ?? 0), at: Date.now() };
    if (Math.random() * SWEEP_ONE_IN < 1)
      await db.exec(
        "DELETE FROM rate_buckets WHERE name = $1 AND at_ms < extract(epoch FROM clock_timestamp()) * 1000 - $2",
        [name, windowMs],
      );
    return { allowed: r?.allowed === true, retryAfterSeconds: Number(r?.retry_after_seconds ?? 0) };
  };

  const take = async (key: string, limit: number): Promise<Limited> => {
    const client = clients.get(key) ?? {};
    clients.delete(key);
    clients.set(key, client);
    if (clients.size > CLIENTS_KEPT) clients.delete(clients.keys().next().value as string);
    // a limit counted every request asks at once, as many at a time as come
    if (!o.lease || maxLease(limit) === 1) return ask(key, limit, client);
    for (;;) {
      const spent = spendLease(client.lease, Date.now());
      if (spent) {
        client.lease = spent;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      // one question to the bucket at a time per client: the others wait for its lease, or share its refusal
      // or its failure
      if (client.asking) {
        const answer = await client.asking;
        if (!answer.allowed) return answer;
        continue;
      }
      client.asking = ask(key, limit, client);
      try {
        return await client.asking;
      } finally {
        client.asking = undefined;
      }
    }
  };
  /**
   * Whether a read for `key` may start before its question is answered (lib mayReadAhead); each yes counts
   * against the client's last answer, so a burst reads ahead no more often than it had tokens left.
   */
  const readAhead = (key: string, limit: number): boolean => {
    const answer = clients.get(key)?.answer;
    if (!mayReadAhead(answer, Date.now(), limit, windowMs) || !answer) return false;
    answer.tokens -= 1;
    return true;
  };
  return Object.assign(take, { readAhead });
}

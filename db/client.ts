import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { describeConnectionError, SetupError } from "./errors";
import { acquireDirectoryLock, DatabaseLockedError } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The same drizzle API over either engine. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbHandle = {
  db: Db;
  engine: "pglite" | "postgres";
  /** where the data lives, without secrets */
  location: string;
  /** raw SQL with positional parameters, for bulk loads and EXPLAIN */
  exec(sqlText: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * The same for a lookup by key, whose best plan is one for every value: planned once per connection and kept
   * (a generic plan), where `exec` plans each call for its values. The subject profile cost 1.5 ms to plan and
   * 0.3 ms to run.
   */
  execKeyed(sqlText: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** COPY … FROM STDIN (PostgreSQL only): the fast path for millions of rows */
  copyFrom?: (
    table: string,
    columns: string[],
    lines: AsyncIterable<string> | Iterable<string>,
  ) => Promise<void>;
  /** LISTEN on a channel: `onMessage` gets each NOTIFY's payload; the answer stops listening */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** the postgres.js client underneath (PostgreSQL only): replicas fall back to it */
  pg?: Sql;
  /** the client execKeyed sends through (PostgreSQL only) */
  pgKeyed?: Sql;
  close(): Promise<void>;
};

export type DbOptions = { databaseUrl?: string; pgliteDir: string; poolSize?: number };

export async function openDatabase(opts: DbOptions): Promise<DbHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts.pgliteDir);
}

/** A postgres.js client as the app uses it; `probe` fails here, with a sentence, when the server is out of reach. */
export async function connectPostgres(
  url: string,
  max: number,
  opts: { probe?: boolean; plans?: "custom" | "generic" } = {},
): Promise<Sql> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, {
    max,
    connect_timeout: 10,
    // postgres.js ends a connection 30–60 minutes old; one ended while a statement ran destroyed the next
    // statement queued to it (CONNECTION_DESTROYED during a 5M seed's index builds)
    max_lifetime: null,
    onnotice: () => {},
    // many short queries at once: parallel workers cost more to start than they save, and starve other requests.
    // A string: postgres.js leaves out every startup parameter whose value is falsy, so a number 0 never reached
    // the server (a 5M-subject search plan showed two workers).
    connection: {
      application_name: "credit-jiangxi",
      max_parallel_workers_per_gather: "0",
      // statements are prepared (preparedByDefault), but each is still planned for its values: one generic plan
      // for a name search would scan the table for a rare fragment, or bitmap millions of rows for a frequent one
      plan_cache_mode: opts.plans === "generic" ? "force_generic_plan" : "force_custom_plan",
      // compiling a plan costs 30–90 ms, more than any public query takes to run: at 5 million subjects a name
      // search whose estimate passed jit_above_cost spent 29 ms compiling for 60 ms of work
      jit: "off",
    },
  });
  preparedByDefault(client);
  preparedInTransactions(client);
  if (opts.probe === false) return client;
  try {
    await client`select 1`;
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw describeConnectionError(url, err);
  }
  return client;
}

/**
 * Every parameterised statement as a named prepared statement, kept per connection. drizzle calls `unsafe` with
 * `prepare: false`, and postgres.js then sends each query twice (describe, then execute) and PostgreSQL parses
 * and plans it every time: a USCC lookup waited for six round trips where three suffice. The texts are drizzle's
 * and ours, with values as parameters, so the set of statements a connection keeps stays small.
 */
function preparedByDefault<S extends Pick<Sql, "unsafe">>(client: S): S {
  const unsafe = client.unsafe;
  client.unsafe = ((text: string, args?: unknown, options?: Record<string, unknown>) => {
    if (args !== undefined && !Array.isArray(args))
      return unsafe.call(client, text, [] as never[], { ...(args as object), prepare: true });
    const params = (args ?? []) as never[];
    return unsafe.call(client, text, params, { ...options, prepare: params.length <= MAX_PREPARED_PARAMS });
  }) as typeof unsafe;
  return client;
}

/**
 * A statement with more parameters than this is sent unprepared: a multi-row insert or a long IN list changes
 * its text with its length, and each one kept would only hold memory on the connection.
 */
const MAX_PREPARED_PARAMS = 64;

/** The same inside transactions: postgres.js hands each one a client of its own. */
function preparedInTransactions(client: Sql): void {
  const begin = client.begin;
  client.begin = ((...args: unknown[]) => {
    const fn = args[args.length - 1] as (sql: Pick<Sql, "unsafe">) => unknown;
    const wrapped = (sql: Pick<Sql, "unsafe">) => fn(preparedByDefault(sql));
    return (begin as (...a: unknown[]) => unknown).call(client, ...args.slice(0, -1), wrapped);
  }) as typeof begin;
}

/**
 * The connections of a pool kept for keyed lookups (execKeyed): a lookup runs for a fraction of a millisecond,
 * so a few serve many requests, and every node opens them on the primary and on each replica.
 */
const keyedPoolSize = (max: number) => Math.max(2, Math.ceil(max / 4));

/** A postgres.js client whose statements keep one generic plan each (DbHandle.execKeyed). */
export const connectKeyed = (url: string, max: number) =>
  connectPostgres(url, keyedPoolSize(max), { probe: false, plans: "generic" });

/** DbHandle.exec over one postgres.js client. */
const execThrough =
  (client: Sql) =>
  async (text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
    (await client.unsafe(text, params as never[])) as Record<string, unknown>[];

/** The handle over a postgres.js client (the primary's, or a replica's behind its fallback). */
export async function postgresHandle(client: Sql, url: string, keyed: Sql = client): Promise<DbHandle> {
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const u = new URL(url);
  return {
    db: drizzle({ client, schema, casing: "snake_case" }) as unknown as Db,
    engine: "postgres",
    location: `postgres://${u.host}${u.pathname}`,
    pg: client,
    pgKeyed: keyed,
    exec: execThrough(client),
    execKeyed: execThrough(keyed),
    copyFrom: async (table, columns, lines) => {
      const cols = columns.map((c) => `"${c}"`).join(", ");
      // a connection of its own: postgres.js would otherwise pipeline another statement onto it mid-COPY
      const conn = await client.reserve();
      try {
        const sink = await conn.unsafe(`COPY "${table}" (${cols}) FROM STDIN`).writable();
        await pipeline(Readable.from(lines), sink);
      } finally {
        conn.release();
      }
    },
    listen: async (channel, onMessage) => {
      // postgres.js listens on a connection of its own, and listens again after it reconnects
      const { unlisten } = await client.listen(channel, (payload) => onMessage(payload));
      return unlisten;
    },
    close: async () => {
      await Promise.all([
        client.end({ timeout: 5 }),
        keyed === client ? undefined : keyed.end({ timeout: 5 }),
      ]);
    },
  };
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  return postgresHandle(await connectPostgres(url, max), url, await connectKeyed(url, max));
}

async function openPglite(dirOption: string): Promise<DbHandle> {
  const dir = resolve(dirOption);
  try {
    // PGlite does not create parent folders (STACK-NOTES)
    mkdirSync(dirname(dir), { recursive: true });
    accessSync(dirname(dir), constants.W_OK);
  } catch (err) {
    throw new SetupError(
      `内置数据库目录 ${dir} 不可写（${(err as NodeJS.ErrnoException).code ?? err}）。请修改该目录的权限，或用 PGLITE_DIR 指定一个可写的目录。`,
      { cause: err },
    );
  }
  const release = acquireDirectoryLock(dir);
  let client: PGlite;
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    client = await PGlite.create({ dataDir: dir });
  } catch (err) {
    release();
    if (err instanceof DatabaseLockedError) throw err;
    throw new SetupError(`无法打开内置数据库目录 ${dir}：${(err as Error).message}`, { cause: err });
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  const exec = async (text: string, params: unknown[] = []) =>
    (await client.query<Record<string, unknown>>(text, params)).rows;
  return {
    db: drizzle({ client, schema, casing: "snake_case" }) as unknown as Db,
    engine: "pglite",
    location: dir,
    exec,
    // one connection, one session: nothing to keep apart
    execKeyed: exec,
    listen: async (channel, onMessage) => client.listen(channel, onMessage),
    close: async () => {
      if (client.closed) return; // idempotent: a test may close before it disposes
      await client.close();
      release();
    },
  };
}

/** The rows of `tx.execute(sql…)`: postgres.js answers with an array, PGlite with `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** Raw SQL with positional parameters ($1 …) inside a transaction, answered as `exec` answers. */
export function execIn(tx: Pick<Tx, "execute">) {
  return async (text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> => {
    const chunks: SQL[] = [];
    let last = 0;
    for (const m of text.matchAll(/\$(\d+)/g)) {
      chunks.push(sql.raw(text.slice(last, m.index)));
      // one parameter, arrays included (a bare array would be spread into a list)
      chunks.push(sql`${sql.param(params[Number(m[1]) - 1])}`);
      last = (m.index ?? 0) + m[0].length;
    }
    chunks.push(sql.raw(text.slice(last)));
    return rowsOf<Record<string, unknown>>(await tx.execute(sql.join(chunks, sql.raw(""))));
  };
}

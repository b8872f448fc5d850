import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cookies } from "next/headers";
import type { DbHandle } from "@/db/client";
import { lsnValue } from "@/db/replicas";
import { cookieValue } from "@/lib/web/cookie";
import { database, replicaSet } from "./db";
import { logUnexpected } from "./errors";

/**
 * Where public reads go (issue 24 §3): search, profiles, lists, 双公示, open data and the read API read a
 * streaming replica when one is fit; writes and the console read the primary. A visitor who has just written
 * carries the primary's WAL position in a cookie and reads the primary until a replica has replayed it.
 */
const OWN_WRITE_COOKIE = "cj-own-write";
// longer than any replica may lag before it is skipped; after that every fit replica has the write
const OWN_WRITE_SECONDS = 15 * 60;

// the cookie as the request carried it, for a read API handler that the server in front calls outside Next
const visitor = new AsyncLocalStorage<{ ownWrite: string | undefined }>();

/** Runs a public read API handler with its request's own-write cookie at hand, whoever called the handler. */
export function asVisitor<T>(request: Request, read: () => Promise<T>): Promise<T> {
  return visitor.run({ ownWrite: cookieValue(request.headers.get("cookie"), OWN_WRITE_COOKIE) }, read);
}

async function ownWrite(): Promise<bigint | undefined> {
  try {
    const store = visitor.getStore();
    const v = store ? store.ownWrite : (await cookies()).get(OWN_WRITE_COOKIE)?.value;
    return v ? lsnValue(v) : undefined;
  } catch {
    return undefined; // outside a request (scripts, tests), or a cookie that is not a WAL position
  }
}

/** The handle for a public read: a fit replica that has this visitor's own writes, else the primary. */
export async function publicDatabase(): Promise<DbHandle> {
  const replicas = await replicaSet();
  if (!replicas) return database();
  const own = await ownWrite();
  return replicas.pick(own) ?? (own === undefined ? undefined : await replicas.catchUp(own)) ?? database();
}

export async function publicDb() {
  return (await publicDatabase()).db;
}

/**
 * After a write on behalf of this visitor: its next public reads wait for a replica that has it. The insert
 * position, asked after the commit, lies past the commit record even when commits are not flushed at once.
 */
export async function markOwnWrite(): Promise<void> {
  try {
    if (!(await replicaSet())) return;
    const [row] = await (await database()).exec("select pg_current_wal_insert_lsn()::text as lsn");
    (await cookies()).set(OWN_WRITE_COOKIE, String(row?.lsn), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: OWN_WRITE_SECONDS,
    });
  } catch (err) {
    logUnexpected("own-write mark", err);
  }
}

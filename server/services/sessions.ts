import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSessions, users } from "@/db/schema";
import { logAudit } from "../audit";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * Opens a session row after a successful sign-in and returns a one-time ticket for next-auth's authorize():
 * the password is checked once, by the sign-in action, and the cookie can only name a session that exists.
 */
export async function openSession(
  db: Db,
  { userId, ip, userAgent }: { userId: number; ip: string | null; userAgent: string | null },
): Promise<{ sid: string; ticket: string }> {
  const sid = randomUUID();
  const ticket = randomBytes(32).toString("base64url");
  await db.insert(userSessions).values({ id: sid, userId, ticketHash: sha256(ticket), ip, userAgent });
  return { sid, ticket };
}

/** Redeems a ticket at most once, within two minutes of sign-in; null for anything else. */
export async function redeemTicket(db: Db, sid: string, ticket: string): Promise<number | null> {
  const [row] = await db
    .update(userSessions)
    .set({ ticketHash: null })
    .where(
      and(
        eq(userSessions.id, sid),
        eq(userSessions.ticketHash, sha256(ticket)),
        isNull(userSessions.revokedAt),
        gt(userSessions.createdAt, sql`now() - interval '2 minutes'`),
      ),
    )
    .returning({ userId: userSessions.userId });
  return row?.userId ?? null;
}

/**
 * Ends one session — the console's button and next-auth's own sign-out route both come here — and audits it
 * once: a session already ended is left as it is.
 */
export async function closeSession(
  db: Db,
  { sid, ip, userAgent }: { sid: string; ip: string; userAgent: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [closed] = await tx
      .update(userSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(userSessions.id, sid), isNull(userSessions.revokedAt)))
      .returning({ userId: userSessions.userId });
    if (!closed) return;
    const [actor] = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(eq(users.id, closed.userId));
    await logAudit(tx, {
      action: "auth.sign_out",
      actorId: closed.userId,
      actorName: actor?.username ?? null,
      entityType: "session",
      entityId: sid,
      ip,
      userAgent,
    });
  });
}

/**
 * Ends every session of an account: on disable or a password reset by a sysadmin, and — all but the one in
 * use — when the holder changes the password (issue 9 §6).
 */
export async function revokeSessionsOf(
  tx: Pick<Db, "update">,
  userId: number,
  opts: { except?: string } = {},
): Promise<void> {
  await tx
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        opts.except ? ne(userSessions.id, opts.except) : undefined,
      ),
    );
}

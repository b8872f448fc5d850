import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSessions } from "@/db/schema";
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

export async function closeSession(
  db: Db,
  {
    sid,
    actor,
    ip,
    userAgent,
  }: { sid: string; actor: { id: number; username: string }; ip: string; userAgent: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(userSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(userSessions.id, sid), isNull(userSessions.revokedAt)));
    await logAudit(tx, {
      action: "auth.sign_out",
      actorId: actor.id,
      actorName: actor.username,
      entityType: "session",
      entityId: sid,
      ip,
      userAgent,
    });
  });
}

/** Ends every session of an account: on disable, password reset or role change by a sysadmin. */
export async function revokeSessionsOf(tx: Pick<Db, "update">, userId: number): Promise<void> {
  await tx
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { contactVerifications, users } from "@/db/schema";
import { getDb } from "../db";

/** An account's notice addresses, whether each is verified, and its choices of channel. */
export const contactColumns = {
  email: users.email,
  emailVerifiedAt: users.emailVerifiedAt,
  phone: users.phone,
  phoneVerifiedAt: users.phoneVerifiedAt,
  prefs: users.notifyPrefs,
};

/** The signed-in account's notice addresses, its choices, and the codes still waiting to come back. */
export async function getNotifySettings({ userId }: { userId: number }) {
  const db = await getDb();
  const [[u], pending] = await Promise.all([
    db.select(contactColumns).from(users).where(eq(users.id, userId)),
    db
      .select({ channel: contactVerifications.channel, address: contactVerifications.address })
      .from(contactVerifications)
      .where(
        and(
          eq(contactVerifications.userId, userId),
          isNull(contactVerifications.usedAt),
          gt(contactVerifications.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(contactVerifications.id)),
  ]);
  if (!u) return null;
  return {
    email: u.emailVerifiedAt ? u.email : null,
    phone: u.phoneVerifiedAt ? u.phone : null,
    /** a business account's contact phone from its registration, not yet verified */
    unverifiedPhone: u.phoneVerifiedAt ? null : u.phone,
    prefs: u.prefs,
    pending: {
      email: pending.find((p) => p.channel === "email")?.address ?? null,
      sms: pending.find((p) => p.channel === "sms")?.address ?? null,
    },
  };
}

export type NotifySettings = NonNullable<Awaited<ReturnType<typeof getNotifySettings>>>;

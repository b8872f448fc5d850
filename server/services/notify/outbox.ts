import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { outbox, users } from "@/db/schema";
import { dedupeKey } from "@/lib/notify/delivery";
import { channelsFor, messageKindOf, type NotifyPrefs } from "@/lib/notify/preferences";
import type { message } from "@/lib/notify/templates";
import { contactColumns } from "../../queries/notify-settings";

type Message = ReturnType<typeof message>;

/**
 * Issue 22 §1: the messages a step owes, written in the step's own transaction (roll the step back and nothing is
 * sent). `event` names the step once ("list:12:notified"): the same step written twice makes no second message.
 */
export async function tellSubject(
  tx: Tx,
  o: { subjectId: number; event: string; message: Message; href: string; noticeId?: number | null },
): Promise<number> {
  return tellAccounts(tx, await accounts(tx, eq(users.subjectId, o.subjectId)), o);
}

/** The same, to console users (a reviewer's new case). */
export async function tellUsers(
  tx: Tx,
  o: { userIds: number[]; event: string; message: Message; href: string },
): Promise<number> {
  if (o.userIds.length === 0) return 0;
  return tellAccounts(tx, await accounts(tx, inArray(users.id, o.userIds)), o);
}

/** Active accounts and their addresses. */
const accounts = (tx: Tx, which: SQL) =>
  tx
    .select({ id: users.id, ...contactColumns })
    .from(users)
    .where(and(which, eq(users.status, "active")));

type Account = {
  id: number;
  email: string | null;
  emailVerifiedAt: Date | null;
  phone: string | null;
  phoneVerifiedAt: Date | null;
  prefs: NotifyPrefs;
};

async function tellAccounts(
  tx: Tx,
  accounts: Account[],
  o: { event: string; message: Message; href: string; noticeId?: number | null },
): Promise<number> {
  const kind = messageKindOf(o.message.template, Boolean(o.noticeId));
  const rows = accounts.flatMap((a) =>
    channelsFor(
      {
        emailVerified: Boolean(a.email && a.emailVerifiedAt),
        phoneVerified: Boolean(a.phone && a.phoneVerifiedAt),
      },
      a.prefs,
      kind,
    ).map((channel) => ({
      channel,
      template: o.message.template,
      payload: o.message.payload,
      recipientUserId: a.id,
      address: channel === "email" ? a.email : channel === "sms" ? a.phone : null,
      href: o.href,
      noticeId: o.noticeId ?? null,
      dedupeKey: dedupeKey(o.event, `user:${a.id}`, channel),
    })),
  );
  if (rows.length === 0) return 0;
  const written = await tx
    .insert(outbox)
    .values(rows)
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return written.length;
}

/** A message to an address with no account behind it (an objector's contact). */
export async function tellAddress(
  tx: Tx,
  o: { channel: "email" | "sms"; address: string; event: string; message: Message; noticeId?: number | null },
): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      channel: o.channel,
      template: o.message.template,
      payload: o.message.payload,
      address: o.address,
      noticeId: o.noticeId ?? null,
      dedupeKey: dedupeKey(o.event, o.address, o.channel),
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

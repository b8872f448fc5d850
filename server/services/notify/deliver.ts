import "server-only";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { inboxMessages, outbox, webhooks } from "@/db/schema";
import { chinaDate, chinaIso } from "@/lib/calendar/dates";
import { type Channel, deliveryNote, nextAttemptAt, smsAllowedAt } from "@/lib/notify/delivery";
import { MissingField, message, render } from "@/lib/notify/templates";
import { logUnexpected } from "../../errors";
import { DeliveryRefused, type Senders } from "../../notify/senders";
import { getPolicy } from "../../settings";
import { NOTIFY_SYSTEM, serveNotice } from "./notices";
import { tellUsers } from "./outbox";

type Row = typeof outbox.$inferSelect;
export type DeliveryReport = { delivered: number; retrying: number; failed: number; deferred: number };

/** How long a claimed message is a worker's own: one that dies holding it leaves it to the next after this. */
export const LEASE_MS = 60_000;

/**
 * Issue 22 §1: claim the messages that are due — `FOR UPDATE SKIP LOCKED`, so two workers never take the same one,
 * and a lease, so a worker killed mid-delivery loses nothing — then deliver each and write down its outcome.
 * At least once over the wire; exactly once into a 站内信 (its outbox id is unique there).
 */
export async function deliverDue(
  db: Db,
  o: { senders: Senders; now?: () => Date; limit?: number; leaseMs?: number },
): Promise<DeliveryReport> {
  const now = o.now ?? (() => new Date());
  const claimed = await claim(db, now(), o.limit ?? 50, o.leaseMs ?? LEASE_MS);
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0, deferred: 0 };
  for (const m of claimed) {
    const outcome = await deliverOne(db, m, o.senders, now);
    report[outcome] += 1;
  }
  return report;
}

async function claim(db: Db, at: Date, limit: number, leaseMs: number): Promise<Row[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.state, "pending"),
          lte(outbox.nextAttemptAt, at),
          or(isNull(outbox.claimedUntil), lte(outbox.claimedUntil, at)),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ claimedUntil: new Date(at.getTime() + leaseMs) })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** The row is still ours: our lease is on it (a slower worker whose lease ran out writes nothing). */
const ours = (m: Row) =>
  and(
    eq(outbox.id, m.id),
    eq(outbox.state, "pending"),
    m.claimedUntil ? eq(outbox.claimedUntil, m.claimedUntil) : isNull(outbox.claimedUntil),
  );

/** The message is out: its attempt counted, its lease let go, the gateway's answer kept. */
const markDelivered = (
  tx: Tx,
  m: Row,
  { at, ...kept }: { at: Date; answer: string; payload?: Row["payload"] },
) =>
  tx
    .update(outbox)
    .set({ state: "delivered", deliveredAt: at, attempts: m.attempts + 1, claimedUntil: null, ...kept })
    .where(eq(outbox.id, m.id));

async function deliverOne(db: Db, m: Row, senders: Senders, now: () => Date): Promise<keyof DeliveryReport> {
  const channel = m.channel as Channel;
  let text: ReturnType<typeof render>;
  try {
    text = render(m.template, m.payload);
  } catch (err) {
    if (!(err instanceof MissingField)) throw err;
    await db
      .update(outbox)
      .set({ state: "failed", answer: `模板缺少字段：${err.message}`, claimedUntil: null })
      .where(ours(m));
    return "failed";
  }
  if (channel === "inbox") {
    if (m.recipientUserId === null) return fail(db, m, "站内信没有收件账号", now(), true);
    await db.transaction(async (tx) => {
      await tx
        .insert(inboxMessages)
        .values({
          userId: m.recipientUserId as number,
          outboxId: m.id,
          noticeId: m.noticeId,
          title: text.title,
          body: text.body,
          href: m.href,
        })
        .onConflictDoNothing({ target: inboxMessages.outboxId });
      await markDelivered(tx, m, { at: now(), answer: "已送入站内信" });
    });
    return "delivered";
  }
  if (channel === "sms") {
    const allowed = smsAllowedAt(now());
    if (allowed.getTime() > now().getTime()) {
      await db.update(outbox).set({ nextAttemptAt: allowed, claimedUntil: null }).where(ours(m));
      return "deferred";
    }
  }
  if (channel === "webhook") return deliverWebhook(db, m, text, senders, now);
  if (!m.address) return fail(db, m, "没有收件地址", now(), true);
  let sent: { answer: string; proves: boolean };
  try {
    sent =
      channel === "email"
        ? await senders.email({ to: m.address, subject: text.title, text: `${text.body}\n\n——信用江西` })
        : await senders.sms({ to: m.address, text: text.sms, id: String(m.id) });
  } catch (err) {
    return fail(db, m, (err as Error).message, now(), err instanceof DeliveryRefused);
  }
  const at = now();
  const { statementPeriodWorkingDays: days } = await getPolicy();
  await db.transaction(async (tx) => {
    await markDelivered(tx, m, {
      at,
      answer: sent.answer,
      // a verification code is not kept once it is out
      ...(m.template === "verify_code" ? { payload: { ...m.payload, code: "******" } } : {}),
    });
    // issue 22 §3: a gateway's acceptance serves the notice; a console print for the demo does not
    if (m.noticeId !== null && sent.proves)
      await serveNotice(
        tx,
        { actor: NOTIFY_SYSTEM },
        {
          noticeId: m.noticeId,
          method: channel === "email" ? "email" : "sms",
          at,
          on: chinaDate(at),
          note: `至 ${m.address}，${deliveryNote(channel, at, sent.answer)}`,
          days,
        },
      );
  });
  return "delivered";
}

async function fail(
  db: Db,
  m: Row,
  reason: string,
  at: Date,
  permanent: boolean,
): Promise<keyof DeliveryReport> {
  const attempts = m.attempts + 1;
  const next = permanent ? null : nextAttemptAt(attempts, at);
  await db
    .update(outbox)
    .set(
      next
        ? { attempts, nextAttemptAt: next, claimedUntil: null, answer: reason }
        : { attempts, state: "failed", claimedUntil: null, answer: reason },
    )
    .where(ours(m));
  if (!next) logUnexpected("outbox", new Error(`message ${m.id} failed: ${reason}`));
  return next ? "retrying" : "failed";
}

/** After this many failed deliveries in a row a webhook is paused, and its owner told (issue 22 §2). */
export const WEBHOOK_PAUSE_AFTER = 10;

/**
 * A follower's webhook: the message as JSON, signed with the webhook's own secret. Each outcome is kept on the
 * outbox row (its history on the watchlist page); failures in a row pause the webhook.
 */
async function deliverWebhook(
  db: Db,
  m: Row,
  text: ReturnType<typeof render>,
  senders: Senders,
  now: () => Date,
): Promise<keyof DeliveryReport> {
  const [hook] = m.webhookId ? await db.select().from(webhooks).where(eq(webhooks.id, m.webhookId)) : [];
  if (!hook) return fail(db, m, "推送地址已删除", now(), true);
  if (hook.status === "paused") return fail(db, m, "推送地址已暂停", now(), true);
  const send = senders.webhook;
  if (!send) return fail(db, m, "未配置推送", now(), false);
  const body = JSON.stringify({
    id: m.id,
    event: m.template,
    data: m.payload,
    text: text.body,
    sentAt: chinaIso(now()),
  });
  try {
    const sent = await send({ url: hook.url, body, secret: hook.secret });
    await db.transaction(async (tx) => {
      await markDelivered(tx, m, { at: now(), answer: sent.answer });
      await tx.update(webhooks).set({ failures: 0 }).where(eq(webhooks.id, hook.id));
    });
    return "delivered";
  } catch (err) {
    const reason = (err as Error).message;
    const [h] = await db
      .update(webhooks)
      .set({ failures: sql`${webhooks.failures} + 1` })
      .where(eq(webhooks.id, hook.id))
      .returning({ failures: webhooks.failures });
    if ((h?.failures ?? 0) >= WEBHOOK_PAUSE_AFTER) await pauseWebhook(db, hook, h?.failures ?? 0, reason);
    return fail(db, m, reason, now(), err instanceof DeliveryRefused);
  }
}

async function pauseWebhook(db: Db, hook: typeof webhooks.$inferSelect, failures: number, reason: string) {
  await db.transaction(async (tx) => {
    const [paused] = await tx
      .update(webhooks)
      .set({ status: "paused", pausedReason: `连续 ${failures} 次投递失败：${reason}` })
      .where(and(eq(webhooks.id, hook.id), eq(webhooks.status, "active")))
      .returning({ id: webhooks.id });
    if (!paused) return;
    await tellUsers(tx, {
      userIds: [hook.userId],
      event: `webhook:${hook.id}:paused:${chinaIso(new Date())}`,
      message: message("webhook_paused", { url: hook.url, failures, reason }),
      href: "/business/watchlist",
    });
  });
}

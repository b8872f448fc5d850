import "server-only";
import { createHash, randomInt } from "node:crypto";
import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contactVerifications, outbox, users } from "@/db/schema";
import { dedupeKey } from "@/lib/notify/delivery";
import { type NotifyPrefs, prefsProblem } from "@/lib/notify/preferences";
import { message } from "@/lib/notify/templates";
import { type AuditAction, auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";

type Channel = "email" | "sms";
const CODE_MINUTES = 10;
const MAX_TRIES = 5;
/** codes an account may ask for in an hour: an address cannot be flooded through us */
const PER_HOUR = 5;
const hash = (code: string) => createHash("sha256").update(code).digest("hex");
/** An account's own change, audited on the account. */
const auditAccount = (tx: Tx, ctx: ServiceContext, action: AuditAction, after: unknown) =>
  auditBy(tx, ctx, {
    action,
    entityType: "user",
    entityId: String(ctx.actor.id),
    after,
  });
const LABEL: Record<Channel, string> = { email: "电子邮箱", sms: "手机号码" };

/**
 * Issue 22 §2: a code goes to the address (through the outbox, like every message); the address is the account's
 * once the code comes back. Until then nothing is sent there but the code.
 */
export async function requestContactCode(
  ctx: ServiceContext,
  input: { channel: Channel; address: string },
): Promise<void> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    const [recent] = await tx
      .select({ n: count() })
      .from(contactVerifications)
      .where(
        and(
          eq(contactVerifications.userId, actor.id),
          gt(contactVerifications.createdAt, new Date(Date.now() - 3_600_000)),
        ),
      );
    if (Number(recent?.n ?? 0) >= PER_HOUR)
      throw new AppError("conflict", "验证码发送过于频繁，请一小时后再试。");
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const [v] = await tx
      .insert(contactVerifications)
      .values({
        userId: actor.id,
        channel: input.channel,
        address: input.address,
        codeHash: hash(code),
        expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
      })
      .returning({ id: contactVerifications.id });
    const account = actor.roles.includes("business") ? "企业账号" : `账号 ${actor.displayName}`;
    await tx.insert(outbox).values({
      channel: input.channel,
      ...message("verify_code", { code, account }),
      recipientUserId: actor.id,
      address: input.address,
      dedupeKey: dedupeKey(`verify:${v?.id}`, `user:${actor.id}`, input.channel),
    });
    await auditAccount(tx, ctx, "account.contact_code", { channel: input.channel });
  });
}

/** The code back: the address becomes the account's verified one. Five wrong tries end the code. */
export async function confirmContact(
  ctx: ServiceContext,
  input: { channel: Channel; code: string },
): Promise<string> {
  const { db, actor } = ctx;
  const r = await db.transaction(async (tx): Promise<{ refused: string } | { done: string }> => {
    const [v] = await tx
      .select()
      .from(contactVerifications)
      .where(
        and(
          eq(contactVerifications.userId, actor.id),
          eq(contactVerifications.channel, input.channel),
          isNull(contactVerifications.usedAt),
          gt(contactVerifications.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(contactVerifications.id))
      .limit(1)
      .for("update");
    if (!v || v.attempts >= MAX_TRIES) return { refused: "验证码已失效，请重新获取。" };
    if (v.codeHash !== hash(input.code.trim())) {
      await tx
        .update(contactVerifications)
        .set({ attempts: v.attempts + 1 })
        .where(eq(contactVerifications.id, v.id));
      // the wrong try counts: it is written, not rolled back with a refusal
      return { refused: "验证码不正确。" };
    }
    const now = new Date();
    await tx.update(contactVerifications).set({ usedAt: now }).where(eq(contactVerifications.id, v.id));
    await tx
      .update(users)
      .set(
        input.channel === "email"
          ? { email: v.address, emailVerifiedAt: now }
          : { phone: v.address, phoneVerifiedAt: now },
      )
      .where(eq(users.id, actor.id));
    await auditAccount(tx, ctx, "account.contact_verified", { channel: input.channel });
    return { done: `${LABEL[input.channel]}已验证，此后的通知将发送到 ${v.address}。` };
  });
  if ("refused" in r) throw new AppError("invalid", r.refused);
  return r.done;
}

/** Issue 22 §5: per kind of message, e-mail and SMS on or off; a notice keeps at least one verified channel. */
export async function saveNotifyPrefs(ctx: ServiceContext, prefs: NotifyPrefs): Promise<void> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    const [u] = await tx
      .select({ email: users.emailVerifiedAt, phone: users.phoneVerifiedAt })
      .from(users)
      .where(eq(users.id, actor.id));
    const reach = { emailVerified: Boolean(u?.email), phoneVerified: Boolean(u?.phone) };
    const problem = prefsProblem(prefs, reach);
    if (problem) throw new AppError("invalid", problem);
    // a channel not yet verified keeps its default: verifying it later turns it on as the defaults say
    const kept: NotifyPrefs = Object.fromEntries(
      Object.entries(prefs).map(([kind, c]) => [
        kind,
        {
          ...(reach.emailVerified ? { email: c?.email } : {}),
          ...(reach.phoneVerified ? { sms: c?.sms } : {}),
        },
      ]),
    );
    await tx.update(users).set({ notifyPrefs: kept }).where(eq(users.id, actor.id));
    await auditAccount(tx, ctx, "account.notify_prefs", kept);
  });
}

import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { outbox, webhooks } from "@/db/schema";
import { webhookUrlProblem } from "@/lib/notify/webhook-address";
import { type AuditAction, auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";

const PER_ACCOUNT = 3;

const audit = (tx: Tx, ctx: ServiceContext, action: AuditAction, id: number, after?: unknown) =>
  auditBy(tx, ctx, {
    action,
    entityType: "webhook",
    entityId: String(id),
    after: after ?? null,
  });

function ownBusiness(ctx: ServiceContext) {
  if (!ctx.actor.roles.includes("business"))
    throw new AppError("forbidden", "只有企业账号可以登记推送地址。");
}

/**
 * Issue 22 §2: a follower registers an HTTPS address for its watchlist. The signing secret is returned once, to be
 * kept by the receiver; the site keeps it to sign each delivery.
 */
export async function registerWebhook(
  ctx: ServiceContext,
  input: { url: string },
): Promise<{ id: number; secret: string }> {
  ownBusiness(ctx);
  const problem = webhookUrlProblem(input.url);
  if (problem) throw new AppError("invalid", problem);
  const [n] = await ctx.db.select({ n: count() }).from(webhooks).where(eq(webhooks.userId, ctx.actor.id));
  if (Number(n?.n ?? 0) >= PER_ACCOUNT)
    throw new AppError("conflict", `每个账号最多登记 ${PER_ACCOUNT} 个推送地址。`);
  const secret = randomBytes(24).toString("hex");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ userId: ctx.actor.id, url: input.url, secret })
      .returning({ id: webhooks.id });
    if (!row) throw new Error("no webhook id");
    await audit(tx, ctx, "webhook.register", row.id, { url: input.url });
    return { id: row.id, secret };
  });
}

/** A paused webhook is resumed by its owner once the receiver is fixed; the failure count starts again. */
export async function resumeWebhook(ctx: ServiceContext, input: { id: number }): Promise<void> {
  ownBusiness(ctx);
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .update(webhooks)
      .set({ status: "active", failures: 0, pausedReason: null })
      .where(and(eq(webhooks.id, input.id), eq(webhooks.userId, ctx.actor.id)))
      .returning({ id: webhooks.id });
    if (!r) throw new AppError("not_found", "该推送地址不存在。");
    await audit(tx, ctx, "webhook.resume", r.id);
  });
}

/** Deleted with its history: the deliveries stay in the outbox without it. */
export async function deleteWebhook(ctx: ServiceContext, input: { id: number }): Promise<void> {
  ownBusiness(ctx);
  await ctx.db.transaction(async (tx) => {
    const [w] = await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(and(eq(webhooks.id, input.id), eq(webhooks.userId, ctx.actor.id)));
    if (!w) throw new AppError("not_found", "该推送地址不存在。");
    await tx
      .update(outbox)
      .set({ webhookId: null, state: "failed", answer: "推送地址已删除" })
      .where(and(eq(outbox.webhookId, w.id), eq(outbox.state, "pending")));
    await tx.update(outbox).set({ webhookId: null }).where(eq(outbox.webhookId, w.id));
    await tx.delete(webhooks).where(eq(webhooks.id, w.id));
    await audit(tx, ctx, "webhook.delete", w.id);
  });
}

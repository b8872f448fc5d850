import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { outbox, webhooks } from "@/db/schema";
import { getDb } from "../db";

/** A business account's webhooks, each with its last deliveries and their answers (issue 22 §2). */
export async function getWebhooks({ userId }: { userId: number }) {
  const db = await getDb();
  const hooks = await db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      status: webhooks.status,
      failures: webhooks.failures,
      pausedReason: webhooks.pausedReason,
      createdAt: webhooks.createdAt,
    })
    .from(webhooks)
    .where(eq(webhooks.userId, userId))
    .orderBy(webhooks.id);
  const deliveries = hooks.length
    ? await db
        .select({
          id: outbox.id,
          webhookId: outbox.webhookId,
          what: outbox.payload,
          state: outbox.state,
          attempts: outbox.attempts,
          answer: outbox.answer,
          createdAt: outbox.createdAt,
          deliveredAt: outbox.deliveredAt,
        })
        .from(outbox)
        .where(
          inArray(
            outbox.webhookId,
            hooks.map((h) => h.id),
          ),
        )
        .orderBy(desc(outbox.id))
        .limit(50)
    : [];
  return hooks.map((h) => ({
    ...h,
    deliveries: deliveries
      .filter((d) => d.webhookId === h.id)
      .slice(0, 10)
      .map((d) => ({
        id: d.id,
        summary: `${d.what.subjectName ?? ""}${d.what.what ?? ""}（${d.what.caseNo ?? ""}）`,
        state: d.state,
        attempts: d.attempts,
        answer: d.answer,
        at: d.deliveredAt ?? d.createdAt,
      })),
  }));
}

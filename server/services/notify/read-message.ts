import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { inboxMessages } from "@/db/schema";
import type { ServiceContext } from "../../context";

/**
 * The read receipt of a 站内信 (issue 22 §2): the first time its owner opens it. Reading a notice's message does not
 * serve the notice: the company signs for it on the case (签收), which is its service.
 */
export async function markMessageRead(ctx: ServiceContext, input: { id: number }): Promise<void> {
  await ctx.db
    .update(inboxMessages)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(inboxMessages.id, input.id),
        eq(inboxMessages.userId, ctx.actor.id),
        isNull(inboxMessages.readAt),
      ),
    );
}

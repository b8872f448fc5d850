import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { inboxMessages } from "@/db/schema";
import type { ServiceContext } from "../../context";
import { getPolicy } from "../../settings";
import { serveNotice } from "./notices";

/**
 * The read receipt of a 站内信 (issue 22 §2), the first time its owner opens it. A notice read in the portal is
 * served by that reading (issue 22 §3): its time is the service, recorded once.
 */
export async function markMessageRead(ctx: ServiceContext, input: { id: number }): Promise<void> {
  const at = new Date();
  const { statementPeriodWorkingDays: days } = await getPolicy();
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .update(inboxMessages)
      .set({ readAt: at })
      .where(
        and(
          eq(inboxMessages.id, input.id),
          eq(inboxMessages.userId, ctx.actor.id),
          isNull(inboxMessages.readAt),
        ),
      )
      .returning({ noticeId: inboxMessages.noticeId });
    if (m?.noticeId)
      await serveNotice(
        tx,
        { actor: ctx.actor, meta: ctx.meta },
        {
          noticeId: m.noticeId,
          method: "portal",
          at,
          on: ctx.today,
          note: `账号 ${ctx.actor.username} 在企业服务中阅读。`,
          days,
        },
      );
  });
}

import "server-only";
import { and, eq } from "drizzle-orm";
import { penalties } from "@/db/schema";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { loadEditable } from "./save-record";

/**
 * DOMAIN §7: the operator of the record's own department marks a penalty the law bars from repair (e.g. barred
 * for life), or lifts the mark; applications for it are then refused at once.
 */
export async function setPenaltyRepairability(
  { db, actor, meta }: ServiceContext,
  { id, unrepairable }: { id: number; unrepairable: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadEditable(tx, "penalty", id, actor);
    if (row.unrepairable === unrepairable) return;
    await tx
      .update(penalties)
      .set({ unrepairable, updatedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(penalties.id, id), eq(penalties.unrepairable, !unrepairable)));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "record.repairability",
        entityType: "penalty",
        entityId: String(id),
        before: { unrepairable: !unrepairable },
        after: { unrepairable },
      },
    );
  });
}

import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { RecordChannel } from "@/lib/records/provenance";

/**
 * Says, for the rest of this transaction, how the records it updates are being changed: the trigger
 * record_changed() writes it into each public change row (issue 25 §2). Without it a change still gets its
 * row, as made by the platform itself.
 */
export async function describeChanges(
  tx: Pick<Tx, "execute">,
  c: { channel: RecordChannel | "system"; basis?: string | null; caseNo?: string | null },
): Promise<void> {
  await tx.execute(sql`SELECT set_config('credit.change', ${JSON.stringify(c)}, true)`);
}

import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notices } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import type { NoticeKind } from "@/lib/notify/service";

/** A notice is issued with its case step, in the same transaction; it waits for its service. */
export async function issueNotice(
  tx: Tx,
  n: {
    kind: NoticeKind;
    caseType: "list_entry" | "repairs" | "objections";
    caseId: number;
    caseNo: string;
    subjectId: number | null;
    issuedOn: IsoDate;
    issuedBy: number | null;
  },
): Promise<number> {
  const [row] = await tx.insert(notices).values(n).onConflictDoNothing().returning({ id: notices.id });
  if (row) return row.id;
  const [existing] = await tx
    .select({ id: notices.id })
    .from(notices)
    .where(and(eq(notices.kind, n.kind), eq(notices.caseType, n.caseType), eq(notices.caseId, n.caseId)));
  if (!existing) throw new Error("notice vanished");
  return existing.id;
}

import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inboxMessages, listEntries, notices } from "@/db/schema";
import { chinaDateTime, type IsoDate } from "@/lib/calendar/dates";
import { SERVICE_METHOD_LABEL, type ServiceMethod } from "@/lib/notify/service";
import { dueOn } from "@/lib/workflows/deadlines";
import { getCalendar } from "../../calendar";
import type { RequestMeta } from "../../context";
import { recordCaseStep } from "../cases/case-step";

/** The system acts for itself when a gateway's answer serves a notice. */
export const NOTIFY_SYSTEM = { id: null, username: "system:notify" } as const;
const NO_META: RequestMeta = { ip: "-", userAgent: null };

/**
 * Issue 22 §3: the first service of a notice is its service; a later one changes nothing (false). A 告知's defence
 * period starts here: its deadline is counted from the service date, and the service enters the case's history.
 */
export async function serveNotice(
  tx: Tx,
  who: { actor: { id: number | null; username: string }; meta?: RequestMeta },
  s: {
    noticeId: number;
    method: ServiceMethod;
    at: Date;
    on: IsoDate;
    note: string;
    scanFileId?: number | null;
    /**
     * the defence period in working days (policy), read by the caller before its transaction: on the embedded
     * database a read through another handle inside a transaction waits for it forever
     */
    days: number;
  },
): Promise<boolean> {
  const [n] = await tx
    .update(notices)
    .set({
      servedAt: s.at,
      servedOn: s.on,
      serviceMethod: s.method,
      serviceNote: s.note,
      servedBy: who.actor.id,
      scanFileId: s.scanFileId ?? null,
    })
    .where(and(eq(notices.id, s.noticeId), isNull(notices.servedAt)))
    .returning();
  if (!n) return false;
  if (n.kind === "list_notice") {
    const deadline = dueOn(await getCalendar(tx), s.on, s.days);
    await tx
      .update(listEntries)
      .set({ statementDeadline: deadline, updatedAt: new Date() })
      .where(eq(listEntries.id, n.caseId));
    await recordCaseStep(
      tx,
      { actor: who.actor, meta: who.meta ?? NO_META },
      {
        ref: { listEntryId: n.caseId },
        from: "notified",
        to: "notified",
        note: `告知书已送达（${SERVICE_METHOD_LABEL[s.method]}，${chinaDateTime(s.at)}），陈述申辩期至 ${deadline}。${s.note}`,
        action: "notice.served",
        entityType: "list_entry",
        after: { servedOn: s.on, method: s.method, statementDeadline: deadline },
        history: { step: "served", on: s.on, documentNo: n.caseNo },
      },
    );
  }
  return true;
}

/** Reading a notice's 站内信 marks the message read too. */
export async function markNoticeMessagesRead(tx: Tx, userId: number, noticeId: number, at: Date) {
  await tx
    .update(inboxMessages)
    .set({ readAt: at })
    .where(
      and(
        eq(inboxMessages.userId, userId),
        eq(inboxMessages.noticeId, noticeId),
        isNull(inboxMessages.readAt),
      ),
    );
}

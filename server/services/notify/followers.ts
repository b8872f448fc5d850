import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  creditLists,
  licences,
  listEntries,
  outbox,
  penalties,
  subjects,
  watchlist,
  webhooks,
} from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { dedupeKey } from "@/lib/notify/delivery";
import { message } from "@/lib/notify/templates";
import { LIST_KIND_SEGMENTS } from "@/lib/web/navigation";
import { licenceIsPublic, penaltyIsPublic } from "../../queries/publicity";

type Told = {
  event: string;
  subjectName: string;
  uscc: string | null;
  what: string;
  caseNo: string;
  on: string;
  url: string;
  userId: number;
  webhookId: number;
  hookUrl: string;
};

/** The followers' active webhooks of these rows' subjects (an organisation's, never a person's). */
const followed = {
  subjectName: subjects.name,
  uscc: subjects.uscc,
  userId: webhooks.userId,
  webhookId: webhooks.id,
  hookUrl: webhooks.url,
};

async function write(tx: Tx, told: Told[]): Promise<void> {
  if (told.length === 0) return;
  await tx
    .insert(outbox)
    .values(
      told.map((t) => ({
        channel: "webhook" as const,
        ...message("follow_record", {
          subjectName: t.subjectName,
          uscc: t.uscc ?? "",
          what: t.what,
          caseNo: t.caseNo,
          on: t.on,
          url: t.url,
        }),
        recipientUserId: t.userId,
        address: t.hookUrl,
        webhookId: t.webhookId,
        dedupeKey: dedupeKey(t.event, `webhook:${t.webhookId}`, "webhook"),
      })),
    )
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

/**
 * Issue 22 §4: a follower learns by its webhook of each new public record of a subject it follows — in the
 * transaction that writes the records. A record not public (a penalty of only 警告) is told to nobody.
 */
export async function tellFollowersOfRecords(
  tx: Tx,
  o: { kind: "penalty" | "licence"; ids: number[]; today: IsoDate },
): Promise<void> {
  if (o.ids.length === 0) return;
  const t = o.kind === "penalty" ? penalties : licences;
  const rows = await tx
    .select({ id: t.id, decisionNo: t.decisionNo, decisionDate: t.decisionDate, ...followed })
    .from(t)
    .innerJoin(subjects, eq(subjects.id, t.subjectId))
    .innerJoin(watchlist, eq(watchlist.subjectId, t.subjectId))
    .innerJoin(webhooks, and(eq(webhooks.userId, watchlist.userId), eq(webhooks.status, "active")))
    .where(
      and(
        inArray(t.id, o.ids),
        ne(subjects.kind, "natural_person"),
        o.kind === "penalty" ? penaltyIsPublic(o.today) : licenceIsPublic(o.today),
      ),
    );
  await write(
    tx,
    rows.map((r) => ({
      ...r,
      event: `${o.kind}:${r.id}:published`,
      what: o.kind === "penalty" ? "新增行政处罚" : "新增行政许可",
      caseNo: r.decisionNo,
      on: r.decisionDate,
      url: `/${o.kind === "penalty" ? "penalties" : "licences"}/${r.id}`,
    })),
  );
}

/** The same for a listing made public or ended. */
export async function tellFollowersOfListing(
  tx: Tx,
  o: { id: number; change: "published" | "removed"; on: IsoDate },
): Promise<void> {
  const rows = await tx
    .select({ caseNo: listEntries.caseNo, kind: listEntries.kind, listName: creditLists.name, ...followed })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .innerJoin(subjects, eq(subjects.id, listEntries.subjectId))
    .innerJoin(watchlist, eq(watchlist.subjectId, listEntries.subjectId))
    .innerJoin(webhooks, and(eq(webhooks.userId, watchlist.userId), eq(webhooks.status, "active")))
    .where(and(eq(listEntries.id, o.id), ne(subjects.kind, "natural_person")));
  await write(
    tx,
    rows.map((r) => ({
      ...r,
      event: `list:${o.id}:${o.change}`,
      what: o.change === "published" ? `列入“${r.listName}”` : `移出“${r.listName}”`,
      on: o.on,
      url: `/lists/${LIST_KIND_SEGMENTS[r.kind]}/${o.id}`,
    })),
  );
}

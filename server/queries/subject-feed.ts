import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { creditLists, listEntries, listEntryEvents, subjects, watchlist } from "@/db/schema";
import { addDays, type IsoDate } from "@/lib/calendar/dates";
import { type SubjectFeedFacts, subjectFeedEntries } from "@/lib/records/subject-feed";
import type { SubjectCode } from "@/lib/subjects/subject-code";
import { REMOVAL_REASON_LABELS } from "@/lib/workflows/list-decision";
import { getDb } from "../db";
import { publicDb } from "../reads";
import { getSubjectProfile } from "./profile";

/**
 * Issue 13 §6: what an organisation's feed is made of — the profile's public records and its list removals.
 * Null for an unknown code; "person" for a natural person, whose masked profile is not followed.
 */
export async function getSubjectFeedFacts(
  code: Exclude<SubjectCode, { kind: "invalid" }>,
  today: IsoDate,
): Promise<{ name: string; code: string; facts: SubjectFeedFacts } | "person" | null> {
  const p = await getSubjectProfile({ code, today });
  if (!p) return null;
  if (p.kind === "natural_person" || !p.uscc) return "person";
  const db = await publicDb();
  const removals = await db
    .select({
      entryId: listEntries.id,
      kind: listEntries.kind,
      listName: creditLists.name,
      on: listEntryEvents.on,
      reason: listEntries.removalReason,
    })
    .from(listEntryEvents)
    .innerJoin(listEntries, eq(listEntries.id, listEntryEvents.entryId))
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .innerJoin(subjects, eq(subjects.id, listEntries.subjectId))
    .where(and(eq(subjects.uscc, p.uscc), eq(listEntryEvents.step, "removed")))
    .orderBy(desc(listEntryEvents.on))
    .limit(50);
  const { red, seriousDishonesty, keyAttention, marketBan } = p.lists;
  return {
    name: p.name,
    code: p.code,
    facts: {
      penalties: p.penalties,
      licences: [...p.licences.current, ...p.licences.history],
      entries: [...red, ...seriousDishonesty, ...keyAttention, ...marketBan],
      breaches: p.breaches,
      removals: removals.map((r) => ({ ...r, reason: r.reason ? REMOVAL_REASON_LABELS[r.reason] : "移出" })),
    },
  };
}

/**
 * A business account's watchlist: each organisation with its changes since it was followed (or the last 90 days,
 * whichever is longer ago), newest first — the same entries as the organisation's feed.
 */
export async function getWatchlist(userId: number, today: IsoDate, origin = "") {
  const db = await getDb();
  const rows = await db
    .select({ id: subjects.id, uscc: subjects.uscc, addedOn: watchlist.addedOn })
    .from(watchlist)
    .innerJoin(subjects, eq(subjects.id, watchlist.subjectId))
    .where(eq(watchlist.userId, userId))
    .orderBy(desc(watchlist.addedOn), subjects.id);
  const since = addDays(today, -90);
  return Promise.all(
    rows.map(async (r) => {
      const f = r.uscc
        ? await getSubjectFeedFacts({ kind: "uscc", code: r.uscc, canonical: true }, today)
        : null;
      const from = [r.addedOn, since].sort()[0] ?? since; // ISO dates: the earlier of the two
      const changes =
        f && f !== "person"
          ? subjectFeedEntries(f.facts, origin, 20).filter((e) => e.updated.slice(0, 10) >= addDays(from, -1))
          : [];
      return {
        subjectId: r.id,
        uscc: r.uscc ?? "",
        name: f && f !== "person" ? f.name : "",
        addedOn: r.addedOn,
        changes,
      };
    }),
  );
}

import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { creditLists, listEntries, listEntryEvents, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import type { SubjectFeedFacts } from "@/lib/records/subject-feed";
import type { SubjectCode } from "@/lib/subjects/subject-code";
import { getDb } from "../db";
import { getSubjectProfile } from "./profile";

const REASON = { expired: "有效期届满", repaired: "信用修复", revoked: "撤销认定" } as const;

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
  const db = await getDb();
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
      removals: removals.map((r) => ({ ...r, reason: r.reason ? REASON[r.reason] : "移出" })),
    },
  };
}

import "server-only";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { creditLists, licences, listEntries, penalties, settings, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { maskPersonName } from "@/lib/subjects/masking";
import { searchExampleOf } from "@/lib/subjects/search-example";
import { memo } from "../memo";
import { publicDb } from "../reads";
import { licenceIsCurrent, listEntryIsPublic, penaltyIsPublic } from "./publicity";

export type HomeStats = { subjects: number; licences: number; penalties: number; listEntries: number };

export function getHomeStats({ today }: { today: IsoDate }): Promise<HomeStats> {
  return memo(`home-stats:${today}`, 10 * 60_000, async () => {
    const db = await publicDb();
    const count = sql<number>`count(*)::int`;
    const [s, l, p, e] = await Promise.all([
      db.select({ n: count }).from(subjects),
      db.select({ n: count }).from(licences).where(licenceIsCurrent(today)),
      db.select({ n: count }).from(penalties).where(penaltyIsPublic(today)),
      db.select({ n: count }).from(listEntries).where(listEntryIsPublic(today)),
    ]);
    return {
      subjects: s[0]?.n ?? 0,
      licences: l[0]?.n ?? 0,
      penalties: p[0]?.n ?? 0,
      listEntries: e[0]?.n ?? 0,
    };
  });
}

export type ListPublication = {
  id: number;
  kind: "red" | "serious_dishonesty" | "key_attention" | "market_ban";
  listName: string;
  subjectName: string;
  decisionDate: string | null;
};

export async function getLatestListPublications({
  today,
  limit,
}: {
  today: IsoDate;
  limit: number;
}): Promise<ListPublication[]> {
  const db = await publicDb();
  const rows = await db
    .select({
      id: listEntries.id,
      kind: listEntries.kind,
      listName: creditLists.name,
      subjectName: subjects.name,
      subjectKind: subjects.kind,
      decisionDate: listEntries.decisionDate,
    })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .innerJoin(subjects, eq(subjects.id, listEntries.subjectId))
    .where(and(listEntryIsPublic(today), lte(listEntries.decisionDate, today)))
    .orderBy(desc(listEntries.decisionDate), desc(listEntries.id))
    .limit(limit);
  // DOMAIN §2: natural persons never appear unmasked on a public page
  return rows.map(({ subjectKind, ...r }) => ({
    ...r,
    subjectName: subjectKind === "natural_person" ? maskPersonName(r.subjectName) : r.subjectName,
  }));
}

export function isDemoDataLoaded(): Promise<boolean> {
  return memo("demo-data", 60_000, async () => {
    const db = await publicDb();
    const rows = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, "demo_data"));
    return rows.length > 0;
  });
}

export type SearchExamples = { words: string; initials: string; uscc: string };

/**
 * What the search box offers as examples (issue 21): the words, the initials and the USCC of a company the portal
 * holds with a licence, so every example finds something; null on an empty database.
 */
export function getSearchExamples(): Promise<SearchExamples | null> {
  return memo("search-examples", 10 * 60_000, async () => {
    const db = await publicDb();
    const rows = await db
      .select({ name: subjects.name, uscc: subjects.uscc })
      .from(subjects)
      .where(
        and(
          eq(subjects.kind, "legal_person"),
          sql`${subjects.uscc} IS NOT NULL`,
          sql`EXISTS (SELECT 1 FROM ${licences} WHERE ${licences.subjectId} = ${subjects.id})`,
        ),
      )
      .orderBy(subjects.id)
      .limit(20);
    for (const r of rows) {
      const example = r.uscc ? searchExampleOf(r.name) : null;
      if (example && r.uscc) return { ...example, uscc: r.uscc };
    }
    return null;
  });
}

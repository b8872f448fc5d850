import "server-only";
import { and, desc, eq, gte, like, lte, type SQL, sql } from "drizzle-orm";
import { creditLists, departments, listEntries, penalties, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import type { ListKind } from "@/lib/records/list-kinds";
import { regionPrefix } from "@/lib/subjects/regions";
import { escapeLike } from "@/lib/subjects/search-query";
import { publicDb } from "../reads";
import { publicSubjectRef } from "./labels";
import { listEntryIsPublic } from "./publicity";

export type ListFilters = {
  list?: number;
  dept?: number;
  region?: string;
  q?: string;
  from?: IsoDate;
  to?: IsoDate;
  page: number;
  pageSize?: number;
};

const columns = {
  id: listEntries.id,
  kind: listEntries.kind,
  listId: listEntries.listId,
  listName: creditLists.name,
  dept: departments.name,
  deptUscc: departments.uscc,
  basis: listEntries.basis,
  facts: listEntries.facts,
  bannedField: listEntries.bannedField,
  decisionNo: listEntries.decisionNo,
  decisionDate: listEntries.decisionDate,
  publishedAt: listEntries.publishedAt,
  validFrom: listEntries.validFrom,
  validUntil: listEntries.validUntil,
  underVerification: listEntries.underVerification,
  subjectKind: subjects.kind,
  subjectName: subjects.name,
  subjectUscc: subjects.uscc,
  subjectPublicId: subjects.publicId,
  regionCode: subjects.regionCode,
};

type Row = {
  subjectKind: (typeof subjects.kind.enumValues)[number];
  subjectName: string;
  subjectUscc: string | null;
  subjectPublicId: string;
};
/** Entries name their subject the public way: persons masked, linked by opaque id (DOMAIN §2). */
const shape = <T extends Row>({ subjectKind, subjectName, subjectUscc, subjectPublicId, ...r }: T) => ({
  ...r,
  subject: publicSubjectRef({
    kind: subjectKind,
    name: subjectName,
    uscc: subjectUscc,
    publicId: subjectPublicId,
  }),
});

function where(kind: ListKind, today: IsoDate, f: Partial<ListFilters>): SQL {
  const w: SQL[] = [eq(listEntries.kind, kind), listEntryIsPublic(today)];
  if (f.list) w.push(eq(listEntries.listId, f.list));
  if (f.dept) w.push(eq(listEntries.deptId, f.dept));
  const prefix = regionPrefix(f.region);
  if (prefix) w.push(like(subjects.regionCode, `${prefix}%`));
  if (f.from) w.push(gte(listEntries.decisionDate, f.from));
  if (f.to) w.push(lte(listEntries.decisionDate, f.to));
  // natural persons are never found by name (DOMAIN §2)
  if (f.q)
    // the query comes NFKC-normalised (full-width brackets become ASCII): compare the name the same way
    w.push(
      sql`translate(${subjects.name}, '（）', '()') LIKE ${`%${escapeLike(f.q)}%`} AND ${subjects.kind} <> 'natural_person'`,
    );
  return and(...w) as SQL;
}

/** Only currently published entries: expired, removed and repaired ones drop out by date (DOMAIN §4–5). */
export async function listEntriesOf({ kind, today, ...f }: ListFilters & { kind: ListKind; today: IsoDate }) {
  const db = await publicDb();
  const size = f.pageSize ?? 20;
  const w = where(kind, today, f);
  const base = db
    .select(columns)
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .innerJoin(departments, eq(departments.id, listEntries.deptId))
    .innerJoin(subjects, eq(subjects.id, listEntries.subjectId))
    .where(w);
  const [rows, [count]] = await Promise.all([
    base
      .orderBy(desc(listEntries.decisionDate), desc(listEntries.id))
      .limit(size)
      .offset((f.page - 1) * size),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(listEntries)
      .innerJoin(subjects, eq(subjects.id, listEntries.subjectId))
      .where(w),
  ]);
  return { rows: rows.map(shape), total: count?.n ?? 0 };
}

export async function getListEntry({ kind, id, today }: { kind: ListKind; id: number; today: IsoDate }) {
  const db = await publicDb();
  const [row] = await db
    .select(columns)
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .innerJoin(departments, eq(departments.id, listEntries.deptId))
    .innerJoin(subjects, eq(subjects.id, listEntries.subjectId))
    .where(and(eq(listEntries.id, id), where(kind, today, {})))
    .limit(1);
  if (!row) return null;
  return { ...shape(row), basisRecords: await basisRecordsOf(id) };
}

/** The penalties a listing rests on (issue 21), with their 文号, for its page. */
export async function basisRecordsOf(entryId: number): Promise<{ id: number; decisionNo: string }[]> {
  const db = await publicDb();
  return db
    .select({ id: penalties.id, decisionNo: penalties.decisionNo })
    .from(penalties)
    .where(
      sql`${penalties.id} = ANY(SELECT unnest(${listEntries.basisPenaltyIds}) FROM ${listEntries} WHERE ${listEntries.id} = ${entryId})`,
    )
    .orderBy(penalties.decisionDate);
}

export async function getListsOfKind({ kind }: { kind: ListKind }) {
  const db = await publicDb();
  return db
    .select({ id: creditLists.id, name: creditLists.name })
    .from(creditLists)
    .where(eq(creditLists.kind, kind))
    .orderBy(creditLists.id);
}

export type ListEntryView = Awaited<ReturnType<typeof listEntriesOf>>["rows"][number];

import "server-only";
import { aliasedTable, and, desc, eq, gte, inArray, like, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, licences, penalties, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import type { RecordQuery } from "@/lib/records/disclosure-filters";
import { isPersonRecord } from "@/lib/subjects/masking";
import { regionPrefix } from "@/lib/subjects/regions";
import { escapeLike } from "@/lib/subjects/search-query";
import { publicDb } from "../reads";
import { maskedCounterpart } from "./labels";
import { licenceIsPublic, penaltyIsPublic } from "./publicity";

/** 双公示 filters: a 文号, USCC or name; department, region (city or county code), decision-date range. */
export type DisclosureFilters = {
  query?: RecordQuery;
  dept?: number;
  region?: string;
  from?: IsoDate;
  to?: IsoDate;
  page: number;
  pageSize?: number;
};

/** Counting millions of rows for a pager is wasted work: stop at this and say "more than". */
export const COUNT_CAP = 10_000;

const authority = aliasedTable(departments, "authority");
const source = aliasedTable(departments, "source");

function filters(db: Db, table: typeof penalties | typeof licences, f: DisclosureFilters): SQL[] {
  const w: SQL[] = [];
  if (f.dept) w.push(eq(table.authorityDeptId, f.dept));
  if (f.from) w.push(gte(table.decisionDate, f.from));
  if (f.to) w.push(lte(table.decisionDate, f.to));
  const q = f.query;
  // each by an index: (source_dept_id, decision_no) per department, the USCC, the name's bigrams
  if (q?.kind === "decision_no")
    w.push(
      sql`(${table.sourceDeptId}, ${table.decisionNo}) IN (SELECT d.id, ${q.text}::text FROM departments d)`,
    );
  if (q?.kind === "uscc")
    w.push(
      inArray(
        table.subjectId,
        db.select({ id: subjects.id }).from(subjects).where(eq(subjects.uscc, q.code)),
      ),
    );
  // natural persons are never found by name (DOMAIN §2)
  if (q?.kind === "name")
    w.push(
      inArray(
        table.subjectId,
        db
          .select({ id: subjects.id })
          .from(subjects)
          .where(
            sql`${subjects.nameGrams} @> ARRAY[${sql.join(
              q.grams.map((g) => sql`${g}`),
              sql`, `,
            )}]::text[] AND ${subjects.nameFolded} LIKE ${`%${escapeLike(q.folded)}%`}
              AND ${subjects.kind} <> 'natural_person'`,
          ),
      ),
    );
  const prefix = regionPrefix(f.region);
  // a sub-select, so the record table alone decides the page and the count (no join over all rows)
  if (prefix)
    w.push(
      inArray(
        table.subjectId,
        db
          .select({ id: subjects.id })
          .from(subjects)
          .where(like(subjects.regionCode, `${prefix}%`)),
      ),
    );
  return w;
}

const personMasked = <
  T extends { counterpartName: string; counterpartCategory: string; subjectKind: string },
>(
  r: T,
): T => maskedCounterpart(r);

async function boundedCount(
  where: SQL | undefined,
  table: typeof penalties | typeof licences,
): Promise<number> {
  const db = await publicDb();
  const inner = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner);
  return row?.n ?? 0;
}

const subjectRef = {
  subjectKind: subjects.kind,
  subjectUscc: subjects.uscc,
  subjectPublicId: subjects.publicId,
  regionCode: subjects.regionCode,
};

export async function listPenalties({ today, ...f }: DisclosureFilters & { today: IsoDate }) {
  const db = await publicDb();
  const size = f.pageSize ?? 20;
  const where = and(penaltyIsPublic(today), ...filters(db, penalties, f));
  const [rows, total] = await Promise.all([
    db
      .select({
        id: penalties.id,
        counterpartName: penalties.counterpartName,
        counterpartCategory: penalties.counterpartCategory,
        decisionNo: penalties.decisionNo,
        decisionDate: penalties.decisionDate,
        violationType: penalties.violationType,
        penaltyContent: penalties.penaltyContent,
        severity: penalties.severity,
        publicUntil: penalties.publicUntil,
        authority: authority.name,
        ...subjectRef,
      })
      .from(penalties)
      .innerJoin(subjects, eq(subjects.id, penalties.subjectId))
      .innerJoin(authority, eq(authority.id, penalties.authorityDeptId))
      .where(
        inArray(
          penalties.id,
          db
            .select({ id: penalties.id })
            .from(penalties)
            .where(where)
            .orderBy(desc(penalties.decisionDate), desc(penalties.id))
            .limit(size)
            .offset((f.page - 1) * size),
        ),
      )
      .orderBy(desc(penalties.decisionDate), desc(penalties.id)),
    boundedCount(where, penalties),
  ]);
  return { rows: rows.map(personMasked), total, capped: total > COUNT_CAP };
}

export async function listLicences({ today, ...f }: DisclosureFilters & { today: IsoDate }) {
  const db = await publicDb();
  const size = f.pageSize ?? 20;
  const where = and(licenceIsPublic(today), ...filters(db, licences, f));
  const [rows, total] = await Promise.all([
    db
      .select({
        id: licences.id,
        counterpartName: licences.counterpartName,
        counterpartCategory: licences.counterpartCategory,
        decisionNo: licences.decisionNo,
        decisionDate: licences.decisionDate,
        decisionTitle: licences.decisionTitle,
        certificateName: licences.certificateName,
        content: licences.content,
        validTo: licences.validTo,
        authority: authority.name,
        ...subjectRef,
      })
      .from(licences)
      .innerJoin(subjects, eq(subjects.id, licences.subjectId))
      .innerJoin(authority, eq(authority.id, licences.authorityDeptId))
      .where(
        inArray(
          licences.id,
          db
            .select({ id: licences.id })
            .from(licences)
            .where(where)
            .orderBy(desc(licences.decisionDate), desc(licences.id))
            .limit(size)
            .offset((f.page - 1) * size),
        ),
      )
      .orderBy(desc(licences.decisionDate), desc(licences.id)),
    boundedCount(where, licences),
  ]);
  return { rows: rows.map(personMasked), total, capped: total > COUNT_CAP };
}

const decisionColumns = {
  authorityName: authority.name,
  authorityUscc: authority.uscc,
  sourceName: source.name,
  sourceUscc: source.uscc,
  ...subjectRef,
};

type DecisionRecord = {
  counterpartName: string;
  counterpartCategory: string;
  legalRepresentative: string | null;
  createdBy: number | null;
  updatedBy: number | null;
  withdrawnReason: string | null;
};

/** What the public sees of one decision: internal columns dropped, persons masked (DOMAIN §2). */
function publicDecision<R extends DecisionRecord>(record: R, subjectKind: string) {
  const {
    createdBy: _c,
    updatedBy: _u,
    withdrawnReason: _w,
    ...r
  } = maskedCounterpart({ ...record, subjectKind });
  const person = isPersonRecord(r);
  return { person, record: { ...r, legalRepresentative: person ? null : r.legalRepresentative } };
}

/** One penalty with the national field set; null when it is not (or no longer) public. */
export async function getPenalty({ id, today }: { id: number; today: IsoDate }) {
  const db = await publicDb();
  const [row] = await db
    .select({ penalty: penalties, ...decisionColumns })
    .from(penalties)
    .innerJoin(subjects, eq(subjects.id, penalties.subjectId))
    .innerJoin(authority, eq(authority.id, penalties.authorityDeptId))
    .innerJoin(source, eq(source.id, penalties.sourceDeptId))
    .where(and(eq(penalties.id, id), penaltyIsPublic(today)))
    .limit(1);
  if (!row) return null;
  const { person, record } = publicDecision(row.penalty, row.subjectKind);
  return { ...row, person, penalty: record };
}

/** One licence with the national field set; expired ones stay readable as history (DOMAIN §4). */
export async function getLicence({ id, today }: { id: number; today: IsoDate }) {
  const db = await publicDb();
  const [row] = await db
    .select({ licence: licences, ...decisionColumns })
    .from(licences)
    .innerJoin(subjects, eq(subjects.id, licences.subjectId))
    .innerJoin(authority, eq(authority.id, licences.authorityDeptId))
    .innerJoin(source, eq(source.id, licences.sourceDeptId))
    .where(and(eq(licences.id, id), licenceIsPublic(today)))
    .limit(1);
  if (!row) return null;
  const { person, record } = publicDecision(row.licence, row.subjectKind);
  return { ...row, person, licence: record };
}

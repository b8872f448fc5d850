import "server-only";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { commitments, departments, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { escapeLike } from "@/lib/subjects/search-query";
import { today } from "../clock";
import { getDb } from "../db";
import { publicSubjectRef } from "./labels";
import { commitmentIsPublic } from "./publicity";

export const COMMITMENT_TYPES = commitments.type.enumValues;
export const FULFILMENTS = commitments.fulfilment.enumValues;
export type CommitmentFilters = {
  type?: (typeof COMMITMENT_TYPES)[number];
  fulfilment?: (typeof FULFILMENTS)[number];
  q?: string;
  page: number;
  pageSize?: number;
  today?: IsoDate;
};

/** Approved commitments only are public (DOMAIN §6), with their 履约 status; a repaired 违诺 is not. */
export async function listPublicCommitments(f: CommitmentFilters) {
  const db = await getDb();
  const size = f.pageSize ?? 20;
  const w: SQL[] = [commitmentIsPublic(f.today ?? today())];
  if (f.type) w.push(eq(commitments.type, f.type));
  if (f.fulfilment) w.push(eq(commitments.fulfilment, f.fulfilment));
  if (f.q)
    w.push(sql`${subjects.name} LIKE ${`%${escapeLike(f.q)}%`} AND ${subjects.kind} <> 'natural_person'`);
  const where = and(...w);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: commitments.id,
        type: commitments.type,
        title: commitments.title,
        content: commitments.content,
        signedOn: commitments.signedOn,
        fulfilment: commitments.fulfilment,
        breachFinding: commitments.breachFinding,
        dept: departments.name,
        kind: subjects.kind,
        name: subjects.name,
        uscc: subjects.uscc,
        publicId: subjects.publicId,
      })
      .from(commitments)
      .innerJoin(subjects, eq(subjects.id, commitments.subjectId))
      .innerJoin(departments, eq(departments.id, commitments.deptId))
      .where(where)
      .orderBy(desc(commitments.signedOn), desc(commitments.id))
      .limit(size)
      .offset((f.page - 1) * size),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(commitments)
      .innerJoin(subjects, eq(subjects.id, commitments.subjectId))
      .where(where),
  ]);
  return {
    total: count?.n ?? 0,
    rows: rows.map(({ kind, name, uscc, publicId, ...r }) => ({
      ...r,
      subject: publicSubjectRef({ kind, name, uscc, publicId }),
    })),
  };
}

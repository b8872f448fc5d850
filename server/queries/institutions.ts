import "server-only";
import { desc, eq } from "drizzle-orm";
import { authorisedQueries, institutions } from "@/db/schema";
import { getDb } from "../db";

export async function listInstitutions() {
  const db = await getDb();
  return db.select().from(institutions).orderBy(desc(institutions.id));
}

/** Issue 23 §2: who queried this subject under an authorisation, for what purpose, when — its own portal shows it. */
export async function queriesOfSubject(subjectId: number) {
  const db = await getDb();
  return db
    .select({
      id: authorisedQueries.id,
      at: authorisedQueries.at,
      purpose: authorisedQueries.purpose,
      dataClasses: authorisedQueries.dataClasses,
      institution: institutions.name,
      kind: institutions.kind,
      authorisationNo: institutions.authorisationNo,
    })
    .from(authorisedQueries)
    .innerJoin(institutions, eq(institutions.id, authorisedQueries.institutionId))
    .where(eq(authorisedQueries.subjectId, subjectId))
    .orderBy(desc(authorisedQueries.at))
    .limit(200);
}

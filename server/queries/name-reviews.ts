import "server-only";
import { desc, eq } from "drizzle-orm";
import { subjectNameReviews, subjects } from "@/db/schema";
import { getDb } from "../db";

export async function listNameReviews() {
  const db = await getDb();
  return db
    .select({
      id: subjectNameReviews.id,
      uscc: subjects.uscc,
      currentName: subjectNameReviews.currentName,
      proposedName: subjectNameReviews.proposedName,
      source: subjectNameReviews.source,
      status: subjectNameReviews.status,
      createdAt: subjectNameReviews.createdAt,
    })
    .from(subjectNameReviews)
    .innerJoin(subjects, eq(subjects.id, subjectNameReviews.subjectId))
    .orderBy(desc(subjectNameReviews.id))
    .limit(200);
}

import "server-only";
import { desc, eq } from "drizzle-orm";
import { subjectNameReviews, subjects } from "@/db/schema";
import { recordScope, type ScopeUser } from "@/lib/access/scope";
import { getDb } from "../db";

/**
 * The name reviews of the actor's own department, newest first (issue 9 §4): another department's reviews are
 * neither listed nor settled here.
 */
export async function listNameReviews({ actor }: { actor: ScopeUser }) {
  const scope = recordScope(actor);
  if (scope.kind !== "department") return [];
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
    .where(eq(subjectNameReviews.departmentId, scope.departmentId))
    .orderBy(desc(subjectNameReviews.id))
    .limit(200);
}

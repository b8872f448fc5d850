import "server-only";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { type ImportJob, importErrors, importJobs } from "@/db/schema";
import { getDb } from "../db";

/** A job of the operator's own department, or null: other departments' jobs do not exist for them. */
export async function getImportJob({
  id,
  actor,
}: {
  id: number | undefined;
  actor: { departmentId: number | null };
}) {
  const { departmentId } = actor;
  if (departmentId === null || id === undefined) return null;
  const db = await getDb();
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.departmentId, departmentId)));
  return job ?? null;
}

export async function listImportJobs({ actor }: { actor: { departmentId: number | null } }) {
  const { departmentId } = actor;
  if (departmentId === null) return [];
  const db = await getDb();
  return db
    .select()
    .from(importJobs)
    .where(eq(importJobs.departmentId, departmentId))
    .orderBy(desc(importJobs.id))
    .limit(30);
}

export async function importErrorPage({
  jobId,
  limit,
  afterId = 0,
}: {
  jobId: number;
  limit: number;
  afterId?: number;
}) {
  const db = await getDb();
  const rows = await db
    .select({
      id: importErrors.id,
      rowNo: importErrors.rowNo,
      column: importErrors.column,
      reason: importErrors.reason,
    })
    .from(importErrors)
    .where(and(eq(importErrors.jobId, jobId), gt(importErrors.id, afterId)))
    .orderBy(asc(importErrors.id))
    .limit(limit);
  return rows;
}

/** What the progress bar needs, and nothing else of the job (no paths, no user ids). */
export function importStatus(j: ImportJob) {
  return {
    state: j.state,
    totalRows: j.totalRows,
    validatedRows: j.validatedRows,
    committedRows: j.committedRows,
    newCount: j.newCount,
    updatedCount: j.updatedCount,
    unchangedCount: j.unchangedCount,
    rejectedCount: j.rejectedCount,
    message: j.message,
  };
}
export type ImportStatus = ReturnType<typeof importStatus>;

import "server-only";
import { desc, eq, gt, isNull, or } from "drizzle-orm";
import { departments, govCommitments, govDishonesty, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { getDb } from "../db";

const commitmentCols = {
  id: govCommitments.id,
  title: govCommitments.title,
  content: govCommitments.content,
  counterparty: govCommitments.counterparty,
  madeOn: govCommitments.madeOn,
  dueOn: govCommitments.dueOn,
  status: govCommitments.status,
  statusOn: govCommitments.statusOn,
  statusNote: govCommitments.statusNote,
  deptId: govCommitments.deptId,
  dept: departments.shortName,
};
const dishonestyCols = {
  id: govDishonesty.id,
  kind: govDishonesty.kind,
  description: govDishonesty.description,
  amount: govDishonesty.amount,
  documentNo: govDishonesty.documentNo,
  decidedOn: govDishonesty.decidedOn,
  settledOn: govDishonesty.settledOn,
  deptId: govDishonesty.deptId,
  dept: departments.shortName,
};

/** A government body's 政务诚信 section of its profile: its promises and its dishonesty, settled ones included. */
export async function governmentIntegrityOf(subjectId: number) {
  const db = await getDb();
  const [promises, dishonesty] = await Promise.all([
    db
      .select(commitmentCols)
      .from(govCommitments)
      .innerJoin(departments, eq(departments.id, govCommitments.deptId))
      .where(eq(govCommitments.subjectId, subjectId))
      .orderBy(desc(govCommitments.madeOn)),
    db
      .select(dishonestyCols)
      .from(govDishonesty)
      .innerJoin(departments, eq(departments.id, govDishonesty.deptId))
      .where(eq(govDishonesty.subjectId, subjectId))
      .orderBy(desc(govDishonesty.decidedOn)),
  ]);
  return { promises, dishonesty };
}

/**
 * The public 政务失信 list (issue 23 §6): records not yet settled, newest first; and the promises of every body,
 * for the 政务承诺 tab. `all` adds the settled records for the console.
 */
export async function governmentLists({ today, all = false }: { today: IsoDate; all?: boolean }) {
  const db = await getDb();
  const subject = { subject: subjects.name, uscc: subjects.uscc };
  const [dishonesty, promises] = await Promise.all([
    db
      .select({ ...dishonestyCols, ...subject })
      .from(govDishonesty)
      .innerJoin(departments, eq(departments.id, govDishonesty.deptId))
      .innerJoin(subjects, eq(subjects.id, govDishonesty.subjectId))
      .where(all ? undefined : or(isNull(govDishonesty.settledOn), gt(govDishonesty.settledOn, today)))
      .orderBy(desc(govDishonesty.decidedOn))
      .limit(500),
    db
      .select({ ...commitmentCols, ...subject })
      .from(govCommitments)
      .innerJoin(departments, eq(departments.id, govCommitments.deptId))
      .innerJoin(subjects, eq(subjects.id, govCommitments.subjectId))
      .orderBy(desc(govCommitments.madeOn))
      .limit(500),
  ]);
  return { dishonesty, promises };
}

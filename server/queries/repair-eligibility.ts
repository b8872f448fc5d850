import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commitments, creditLists, departments, listEntries, penalties, repairCases } from "@/db/schema";
import { compareDates, type IsoDate } from "@/lib/calendar/dates";
import { isListEntryInForce } from "@/lib/records/publicity";
import {
  listEntryRepairableFrom,
  type RepairTarget,
  type RepairTargetType,
  repairRefusal,
} from "@/lib/records/repair-eligibility";
import { commitmentState } from "@/lib/workflows/commitment";
import { REPAIR_REFUSED } from "@/lib/workflows/repair";
import { getDb } from "../db";
import { getPolicy } from "../settings";

export type { RepairTargetType };

export type LoadedTarget = RepairTarget & {
  subjectId: number;
  /** the department that made the record: it handles the repair */
  deptId: number;
  enteredBy: number | null;
  /** how the record is named in the application */
  label: string;
  decisionNo: string;
};

/** A negative record as repair sees it (DOMAIN §7); null when there is no such record. */
export async function loadRepairTarget(
  tx: Pick<Tx, "select">,
  type: RepairTargetType,
  id: number,
  today: IsoDate,
): Promise<LoadedTarget | null> {
  if (type === "penalty") {
    const [p] = await tx
      .select({ p: penalties, dept: departments.name })
      .from(penalties)
      .innerJoin(departments, eq(departments.id, penalties.authorityDeptId))
      .where(eq(penalties.id, id));
    if (!p) return null;
    const r = p.p;
    const isPublic =
      r.status === "active" &&
      r.disclosable &&
      compareDates(r.decisionDate, today) <= 0 &&
      compareDates(today, r.publicUntil) <= 0;
    return {
      subjectId: r.subjectId,
      deptId: r.sourceDeptId,
      enteredBy: r.createdBy,
      repairableFrom: r.repairableFrom,
      unrepairable: r.unrepairable,
      closed: !isPublic,
      label: `行政处罚 ${r.decisionNo}（${p.dept}，${r.decisionDate}，${r.violationType}）`,
      decisionNo: r.decisionNo,
    };
  }
  if (type === "commitment") {
    const [c] = await tx.select().from(commitments).where(eq(commitments.id, id));
    if (!c || commitmentState(c) !== "breached" || !c.breachedOn) return null;
    return {
      subjectId: c.subjectId,
      deptId: c.deptId,
      enteredBy: c.findingBy,
      repairableFrom: c.breachRepairableFrom,
      unrepairable: c.unrepairable,
      closed:
        c.breachRepairedAt !== null ||
        (c.breachPublicUntil !== null && compareDates(today, c.breachPublicUntil) > 0),
      label: `违诺 “${c.title}”（认定日期 ${c.breachedOn}）`,
      decisionNo: c.title,
    };
  }
  const [e] = await tx
    .select({ e: listEntries, list: creditLists.name })
    .from(listEntries)
    .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
    .where(eq(listEntries.id, id));
  if (!e || e.e.kind === "red") return null;
  const r = e.e;
  const start = r.validFrom ?? r.decisionDate;
  return {
    subjectId: r.subjectId,
    deptId: r.deptId,
    enteredBy: r.createdBy,
    repairableFrom: start ? listEntryRepairableFrom(r.kind, start) : null,
    unrepairable: r.unrepairable,
    closed: !isListEntryInForce(r, today),
    label: `列入${e.list}（${r.decisionNo ?? r.caseNo}）`,
    decisionNo: r.decisionNo ?? r.caseNo,
  };
}

/** The day the latest application for the record was refused, for the 6-month rule (DOMAIN §7). */
async function lastRefusal(
  tx: Pick<Tx, "select">,
  type: RepairTargetType,
  id: number,
): Promise<IsoDate | null> {
  const [row] = await tx
    .select({ on: repairCases.decidedOn })
    .from(repairCases)
    .where(
      and(
        eq(repairCases.targetType, type),
        eq(repairCases.targetId, id),
        inArray(repairCases.status, [...REPAIR_REFUSED]),
      ),
    )
    .orderBy(desc(repairCases.decidedOn))
    .limit(1);
  return row?.on ?? null;
}

/** Whether the business may apply today, and if not why: the same answer the form shows before it is filled. */
export async function repairEligibility({
  db,
  type,
  id,
  today,
}: {
  /** the caller's transaction, when the answer decides a write */
  db?: Pick<Tx, "select">;
  type: RepairTargetType;
  id: number;
  today: IsoDate;
}) {
  const tx = db ?? (await getDb());
  const target = await loadRepairTarget(tx, type, id, today);
  if (!target) return null;
  const { repairRetryMonths } = await getPolicy();
  return {
    target,
    refusal: repairRefusal(target, today, await lastRefusal(tx, type, id), repairRetryMonths),
  };
}

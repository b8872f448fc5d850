import "server-only";
import { and, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import {
  activationCodes,
  businessRegistrations,
  caseEvents,
  commitments,
  commitmentTemplates,
  creditLists,
  departments,
  listEntries,
  penalties,
  regions,
  repairCases,
  selfReports,
  subjects,
  users,
} from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { compareDates } from "@/lib/calendar/dates";
import { templateScopesFor } from "@/lib/records/commitment-text";
import { isListEntryInForce, isPenaltyPublic } from "@/lib/records/publicity";
import {
  breachRepairableFrom,
  listEntryRepairableFrom,
  repairRefusal,
} from "@/lib/records/repair-eligibility";
import { withinRegion } from "@/lib/subjects/regions";
import { commitmentMachine, commitmentState } from "@/lib/workflows/commitment";
import { REPAIR_OPEN, REPAIR_REFUSED, repairMachine } from "@/lib/workflows/repair";
import { selfReportMachine } from "@/lib/workflows/self-report";
import { getDb } from "../db";
import { getPolicy } from "../settings";
import { getSubjectProfile } from "./profile";

/** How a negative record stands for repair, as the business's own page shows it. */
export type RepairStanding =
  | { kind: "repaired"; on: string }
  | { kind: "open"; caseId: number; caseNo: string; state: string }
  | { kind: "possible" }
  | { kind: "not_yet"; reason: string; from?: string };

/**
 * 「我的信用」(issue 11 §1): everything about the business's own subject — also what is not publicly disclosed,
 * marked so — with publicity and repair dates, lists, commitments, self-reports, cases and the grade.
 */
export async function getMyCredit({ subjectId, today }: { subjectId: number; today: IsoDate }) {
  const db = await getDb();
  const [subject] = await db
    .select({
      id: subjects.id,
      name: subjects.name,
      uscc: subjects.uscc,
      publicId: subjects.publicId,
      legalRepresentative: subjects.legalRepresentative,
      address: subjects.address,
      region: regions.name,
    })
    .from(subjects)
    .leftJoin(regions, eq(regions.code, subjects.regionCode))
    .where(eq(subjects.id, subjectId));
  if (!subject) return null;
  const [pen, entries, coms, reports, repairs, policy] = await Promise.all([
    db
      .select({ p: penalties, dept: departments.name })
      .from(penalties)
      .innerJoin(departments, eq(departments.id, penalties.authorityDeptId))
      .where(and(eq(penalties.subjectId, subjectId), ne(penalties.status, "withdrawn")))
      .orderBy(desc(penalties.decisionDate)),
    db
      .select({ e: listEntries, list: creditLists.name, dept: departments.name })
      .from(listEntries)
      .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
      .innerJoin(departments, eq(departments.id, listEntries.deptId))
      .where(and(eq(listEntries.subjectId, subjectId), inArray(listEntries.status, ["published", "removed"])))
      .orderBy(desc(listEntries.decisionDate)),
    db
      .select({ c: commitments, dept: departments.name })
      .from(commitments)
      .innerJoin(departments, eq(departments.id, commitments.deptId))
      .where(and(eq(commitments.subjectId, subjectId), ne(commitments.type, "repair")))
      .orderBy(desc(commitments.id)),
    db
      .select({ r: selfReports, dept: departments.name })
      .from(selfReports)
      .innerJoin(departments, eq(departments.id, selfReports.deptId))
      .where(eq(selfReports.subjectId, subjectId))
      .orderBy(desc(selfReports.id)),
    db.select().from(repairCases).where(eq(repairCases.subjectId, subjectId)).orderBy(desc(repairCases.id)),
    getPolicy(),
  ]);

  const standingOf = (
    targetType: "penalty" | "commitment" | "list_entry",
    targetId: number,
    t: { repairableFrom: string | null; unrepairable: boolean; closed: boolean; repairedOn: string | null },
  ): RepairStanding => {
    if (t.repairedOn) return { kind: "repaired", on: t.repairedOn };
    const mine = repairs.filter((r) => r.targetType === targetType && r.targetId === targetId);
    const open = mine.find((r) => REPAIR_OPEN.includes(r.status));
    if (open)
      return { kind: "open", caseId: open.id, caseNo: open.caseNo, state: repairMachine.labels[open.status] };
    const refused = mine
      .filter((r) => REPAIR_REFUSED.includes(r.status) && r.decidedOn)
      .map((r) => r.decidedOn as string)
      .sort()
      .at(-1);
    const no = repairRefusal(t, today, refused ?? null, policy.repairRetryMonths);
    return no ? { kind: "not_yet", reason: no.reason, from: no.possibleFrom } : { kind: "possible" };
  };

  const profile = subject.uscc
    ? await getSubjectProfile({ code: { kind: "uscc", code: subject.uscc, canonical: true }, today })
    : null;

  return {
    subject,
    grade: profile?.grade ?? null,
    penalties: pen.map(({ p, dept }) => {
      const isPublic = isPenaltyPublic(p, today);
      return {
        id: p.id,
        decisionNo: p.decisionNo,
        decisionDate: p.decisionDate,
        violationType: p.violationType,
        penaltyContent: p.penaltyContent,
        severity: p.severity,
        dept,
        publicUntil: p.publicUntil,
        repairableFrom: p.repairableFrom,
        disclosable: p.disclosable,
        isPublic,
        expired: compareDates(today, p.publicUntil) > 0,
        repair: standingOf("penalty", p.id, {
          repairableFrom: p.repairableFrom,
          unrepairable: p.unrepairable,
          closed: !isPublic,
          repairedOn: p.status === "repaired" ? (p.repairedAt ?? "") : null,
        }),
      };
    }),
    lists: entries.map(({ e, list, dept }) => {
      const start = e.validFrom ?? e.decisionDate;
      const repairableFrom = start ? listEntryRepairableFrom(e.kind, start) : null;
      const current = isListEntryInForce(e, today);
      return {
        id: e.id,
        kind: e.kind,
        list,
        dept,
        validFrom: e.validFrom,
        validUntil: e.validUntil,
        current,
        removedOn: e.removedOn,
        removalReason: e.removalReason,
        repairableFrom,
        repair:
          e.kind === "red"
            ? null
            : standingOf("list_entry", e.id, {
                repairableFrom,
                unrepairable: e.unrepairable,
                closed: !current,
                repairedOn: e.removalReason === "repaired" ? (e.removedOn ?? "") : null,
              }),
      };
    }),
    commitments: coms.map(({ c, dept }) => {
      const state = commitmentState(c);
      return {
        id: c.id,
        type: c.type,
        title: c.title,
        dept,
        signedOn: c.signedOn,
        state,
        stateLabel: commitmentMachine.labels[state],
        breachedOn: c.breachedOn,
        breachPublicUntil: c.breachPublicUntil,
        breachRepairableFrom:
          c.breachRepairableFrom ?? (c.breachedOn ? breachRepairableFrom(c.breachedOn) : null),
        repair:
          state === "breached"
            ? standingOf("commitment", c.id, {
                repairableFrom: c.breachRepairableFrom,
                unrepairable: c.unrepairable,
                closed:
                  c.breachRepairedAt !== null ||
                  (c.breachPublicUntil !== null && compareDates(today, c.breachPublicUntil) > 0),
                repairedOn: c.breachRepairedAt,
              })
            : null,
      };
    }),
    selfReports: reports.map(({ r, dept }) => ({
      id: r.id,
      caseNo: r.caseNo,
      title: r.title,
      category: r.category,
      dept,
      submittedOn: r.submittedOn,
      state: r.status,
      stateLabel: selfReportMachine.labels[r.status],
    })),
    repairs: repairs.map((r) => ({
      id: r.id,
      caseNo: r.caseNo,
      targetType: r.targetType,
      submittedOn: r.submittedOn,
      state: r.status,
      stateLabel: repairMachine.labels[r.status],
    })),
  };
}

export type MyCredit = NonNullable<Awaited<ReturnType<typeof getMyCredit>>>;

/** 办件通知: every step of the subject's cases, newest first (issue 11 §1 "a notice list of every change"). */
export async function listCaseNotices({ subjectId, limit = 30 }: { subjectId: number; limit?: number }) {
  const db = await getDb();
  const rows = await db
    .select({
      at: caseEvents.at,
      to: caseEvents.toStatus,
      note: caseEvents.note,
      repairCaseId: caseEvents.repairCaseId,
      commitmentId: caseEvents.commitmentId,
      selfReportId: caseEvents.selfReportId,
      repairNo: repairCases.caseNo,
      commitmentTitle: commitments.title,
      commitmentType: commitments.type,
      reportNo: selfReports.caseNo,
    })
    .from(caseEvents)
    .leftJoin(repairCases, eq(repairCases.id, caseEvents.repairCaseId))
    .leftJoin(commitments, eq(commitments.id, caseEvents.commitmentId))
    .leftJoin(selfReports, eq(selfReports.id, caseEvents.selfReportId))
    .where(
      or(
        eq(repairCases.subjectId, subjectId),
        and(eq(commitments.subjectId, subjectId), ne(commitments.type, "repair")),
        eq(selfReports.subjectId, subjectId),
      ),
    )
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .limit(limit);
  return rows.map((r) =>
    r.repairCaseId
      ? {
          at: r.at,
          what: `信用修复 ${r.repairNo}`,
          href: `/business/repairs/${r.repairCaseId}`,
          to: repairMachine.labels[r.to as keyof typeof repairMachine.labels] ?? r.to,
          note: r.note,
        }
      : r.commitmentId
        ? {
            at: r.at,
            what: `信用承诺“${r.commitmentTitle}”`,
            href: `/business/commitments/${r.commitmentId}`,
            to: commitmentMachine.labels[r.to as keyof typeof commitmentMachine.labels] ?? r.to,
            note: r.note,
          }
        : {
            at: r.at,
            what: `自主申报 ${r.reportNo}`,
            href: `/business/self-reports/${r.selfReportId}`,
            to: selfReportMachine.labels[r.to as keyof typeof selfReportMachine.labels] ?? r.to,
            note: r.note,
          },
  );
}

/** The current version of each template a business may sign (信用修复型 is signed inside a repair application). */
/** The templates a subject may sign: current versions, the province's and its own city's (issue 20 N10). */
export async function listCurrentTemplates({
  subjectId,
  includeRepair = false,
}: {
  subjectId: number;
  includeRepair?: boolean;
}) {
  const db = await getDb();
  const [subject] = await db
    .select({ regionCode: subjects.regionCode })
    .from(subjects)
    .where(eq(subjects.id, subjectId));
  return db
    .select()
    .from(commitmentTemplates)
    .where(
      and(
        isNull(commitmentTemplates.retiredAt),
        inArray(commitmentTemplates.scopeRegionCode, templateScopesFor(subject?.regionCode ?? null)),
        includeRepair ? sql`TRUE` : ne(commitmentTemplates.type, "repair"),
      ),
    )
    .orderBy(commitmentTemplates.type, commitmentTemplates.id);
}

/** Every version of every template, newest version first within a series, for the reviewers' template page. */
export async function listTemplateVersions() {
  const db = await getDb();
  return db
    .select()
    .from(commitmentTemplates)
    .orderBy(commitmentTemplates.seriesId, desc(commitmentTemplates.version));
}

/**
 * For the console's activation page: the subject with a USCC and its business account, if any; only within the
 * regulator's region (issue 11 §1: codes are issued by the subject's region).
 */
export async function findSubjectAccount({
  uscc,
  actor,
}: {
  uscc: string;
  actor: { regionCode: string | null };
}) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: subjects.id,
      name: subjects.name,
      uscc: subjects.uscc,
      kind: subjects.kind,
      regionCode: subjects.regionCode,
      region: regions.name,
    })
    .from(subjects)
    .leftJoin(regions, eq(regions.code, subjects.regionCode))
    .where(eq(subjects.uscc, uscc));
  if (!row || row.kind === "natural_person") return null;
  if (!withinRegion(actor.regionCode, row.regionCode)) return null;
  const [account] = await db
    .select({
      username: users.username,
      contact: users.displayName,
      phone: users.phone,
      status: users.status,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.subjectId, row.id));
  const codes = await db
    .select({
      issuedAt: activationCodes.issuedAt,
      expiresAt: activationCodes.expiresAt,
      usedAt: activationCodes.usedAt,
      revokedAt: activationCodes.revokedAt,
    })
    .from(activationCodes)
    .where(eq(activationCodes.subjectId, row.id))
    .orderBy(desc(activationCodes.id))
    .limit(5);
  // issue 20 N7: every registration filed for the company, for the regulator to check and, if need be, reject
  const registrations = await db
    .select({
      id: businessRegistrations.id,
      contactName: businessRegistrations.contactName,
      phone: businessRegistrations.phone,
      status: businessRegistrations.status,
      createdAt: businessRegistrations.createdAt,
      expiresAt: businessRegistrations.expiresAt,
      reason: businessRegistrations.reason,
    })
    .from(businessRegistrations)
    .where(eq(businessRegistrations.subjectId, row.id))
    .orderBy(desc(businessRegistrations.id))
    .limit(30);
  return { ...row, account: account ?? null, codes, registrations };
}

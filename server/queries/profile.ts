import "server-only";
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "@/db/client";
import {
  commitments,
  creditLists,
  departments,
  licences,
  listEntries,
  penalties,
  regions,
  selfReports,
  subjects,
} from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { computeGrade } from "@/lib/grading/grading";
import { isGovernmentBody } from "@/lib/platform/government";
import { isWithinValidity } from "@/lib/records/publicity";
import type { SubjectCode } from "@/lib/subjects/subject-code";
import { getDb } from "../db";
import { publicDb } from "../reads";
import { getGradingRules } from "../settings";
import { governmentIntegrityOf } from "./government";
import { publicSubjectRef } from "./labels";
import {
  cataloguePublic,
  commitmentIsPublic,
  licenceIsPublic,
  listEntryIsPublic,
  penaltyIsPublic,
} from "./publicity";

const subjectWhere = (code: ValidCode) =>
  code.kind === "uscc" ? eq(subjects.uscc, code.code) : eq(subjects.publicId, code.id);

/** The subject's id as a subquery, so that its records are read at the same time as the subject itself. */
const subjectIdOf = (db: Db, code: ValidCode) =>
  db.select({ id: subjects.id }).from(subjects).where(subjectWhere(code));

async function findSubject(db: Db, code: ValidCode) {
  const where = subjectWhere(code);
  const [row] = await db
    .select({
      id: subjects.id,
      publicId: subjects.publicId,
      kind: subjects.kind,
      uscc: subjects.uscc,
      name: subjects.name,
      legalRepresentative: subjects.legalRepresentative,
      idNumberMasked: subjects.idNumberMasked,
      regionCode: subjects.regionCode,
      regionName: regions.name,
      address: subjects.address,
      registeredOn: subjects.registeredOn,
      status: subjects.status,
    })
    .from(subjects)
    .leftJoin(regions, eq(regions.code, subjects.regionCode))
    .where(where)
    .limit(1);
  return row ?? null;
}

type ValidCode = Exclude<SubjectCode, { kind: "invalid" }>;

/**
 * Everything public about one subject (DOMAIN §4): natural persons masked, only records within publicity.
 * Read once per request: the page and its metadata share it (React's cache() keys on primitive arguments).
 */
export function getSubjectProfile({
  code,
  today,
  primary = false,
}: {
  code: ValidCode;
  today: IsoDate;
  /** read the primary, not a replica: for a use case that acts on what it reads (issue 24 §3) */
  primary?: boolean;
}) {
  return profileOnce(JSON.stringify(code), today, primary);
}

const profileOnce = cache(async (code: string, today: IsoDate, primary: boolean) =>
  loadProfile(primary ? await getDb() : await publicDb(), JSON.parse(code) as ValidCode, today),
);

async function loadProfile(db: Db, code: ValidCode, today: IsoDate) {
  // one round trip, not two: the records are read with the subject, by its code (a miss reads five empty lists)
  const id = subjectIdOf(db, code);
  const [s, pen, lic, allEntries, com, reports] = await Promise.all([
    findSubject(db, code),
    db
      .select({
        id: penalties.id,
        decisionNo: penalties.decisionNo,
        decisionDate: penalties.decisionDate,
        violationType: penalties.violationType,
        penaltyTypes: penalties.penaltyTypes,
        penaltyContent: penalties.penaltyContent,
        severity: penalties.severity,
        publicUntil: penalties.publicUntil,
        repairableFrom: penalties.repairableFrom,
        underVerification: penalties.underVerification,
        authority: departments.name,
      })
      .from(penalties)
      .innerJoin(departments, eq(departments.id, penalties.authorityDeptId))
      .where(and(inArray(penalties.subjectId, id), penaltyIsPublic(today)))
      .orderBy(desc(penalties.decisionDate)),
    db
      .select({
        id: licences.id,
        decisionNo: licences.decisionNo,
        decisionTitle: licences.decisionTitle,
        certificateName: licences.certificateName,
        licenceNo: licences.licenceNo,
        content: licences.content,
        decisionDate: licences.decisionDate,
        validFrom: licences.validFrom,
        validTo: licences.validTo,
        underVerification: licences.underVerification,
        authority: departments.name,
      })
      .from(licences)
      .innerJoin(departments, eq(departments.id, licences.authorityDeptId))
      .where(and(inArray(licences.subjectId, id), licenceIsPublic(today)))
      .orderBy(desc(licences.decisionDate)),
    db
      .select({
        id: listEntries.id,
        kind: listEntries.kind,
        listName: creditLists.name,
        basis: listEntries.basis,
        facts: listEntries.facts,
        bannedField: listEntries.bannedField,
        decisionDate: listEntries.decisionDate,
        decisionNo: listEntries.decisionNo,
        validFrom: listEntries.validFrom,
        validUntil: listEntries.validUntil,
        underVerification: listEntries.underVerification,
        dept: departments.name,
      })
      .from(listEntries)
      .innerJoin(creditLists, eq(creditLists.id, listEntries.listId))
      .innerJoin(departments, eq(departments.id, listEntries.deptId))
      // current entries, and red-list entries whose validity ended (DOMAIN §4: they move to history)
      .where(
        and(
          inArray(listEntries.subjectId, id),
          or(
            listEntryIsPublic(today),
            and(
              eq(listEntries.kind, "red"),
              eq(listEntries.status, "published"),
              lt(listEntries.validUntil, today),
              cataloguePublic("list_entry", listEntries.deptId),
            ),
          ),
        ),
      )
      .orderBy(desc(listEntries.decisionDate)),
    db
      .select({
        id: commitments.id,
        type: commitments.type,
        title: commitments.title,
        content: commitments.content,
        signedOn: commitments.signedOn,
        fulfilment: commitments.fulfilment,
        breachFinding: commitments.breachFinding,
        breachedOn: commitments.breachedOn,
        breachPublicUntil: commitments.breachPublicUntil,
        breachRepairableFrom: commitments.breachRepairableFrom,
        dept: departments.name,
      })
      .from(commitments)
      .innerJoin(departments, eq(departments.id, commitments.deptId))
      .where(and(inArray(commitments.subjectId, id), commitmentIsPublic(today)))
      .orderBy(desc(commitments.signedOn)),
    // 2020 plan §11: verified self-reports, shown apart from official records with who verified them
    db
      .select({
        id: selfReports.id,
        category: selfReports.category,
        title: selfReports.title,
        issuer: selfReports.issuer,
        occurredOn: selfReports.occurredOn,
        description: selfReports.description,
        verifiedOn: selfReports.decidedOn,
        verifier: departments.name,
      })
      .from(selfReports)
      .innerJoin(departments, eq(departments.id, selfReports.deptId))
      .where(and(inArray(selfReports.subjectId, id), eq(selfReports.status, "verified")))
      .orderBy(desc(selfReports.occurredOn)),
  ]);
  if (!s) return null;
  const person = s.kind === "natural_person";
  // DOMAIN §4 through lib's one validity rule: what is no longer valid moves to history
  const expiredRed = allEntries.filter(
    (e) => !isWithinValidity(e.validFrom ?? e.decisionDate ?? today, e.validUntil, today),
  );
  const entries = allEntries.filter((e) => !expiredRed.includes(e));
  // DOMAIN §9, from exactly what this page shows: a record that left publicity no longer counts
  const rules = await getGradingRules();
  const grade = computeGrade(
    {
      penalties: pen.map((x) => ({
        id: x.id,
        severity: x.severity,
        decisionNo: x.decisionNo,
        underVerification: x.underVerification,
      })),
      redEntries: entries.filter((e) => e.kind === "red").map((e) => ({ id: e.id, listName: e.listName })),
      keyAttention: entries
        .filter((e) => e.kind === "key_attention")
        .map((e) => ({ id: e.id, listName: e.listName, underVerification: e.underVerification })),
      seriousDishonesty: entries
        .filter((e) => e.kind === "serious_dishonesty")
        .map((e) => ({ id: e.id, listName: e.listName, underVerification: e.underVerification })),
      commitments: com.map((c) => ({ id: c.id, title: c.title, fulfilment: c.fulfilment })),
    },
    rules,
  );
  // issue 23 §6: an organ or public institution is held to its promises and its dishonesty is shown
  const government = isGovernmentBody(s.kind) ? await governmentIntegrityOf(s.id) : null;
  const current = (l: (typeof lic)[number]) => l.validTo === null || l.validTo >= today;
  return {
    ...publicSubjectRef(s),
    regionName: s.regionName,
    // a company's legal representative is public under the 双公示 standard; a person's data is masked
    legalRepresentative: person ? null : s.legalRepresentative,
    idNumberMasked: person ? s.idNumberMasked : null,
    address: person ? null : s.address,
    registeredOn: s.registeredOn,
    penalties: pen,
    licences: { current: lic.filter(current), history: lic.filter((l) => !current(l)) },
    lists: {
      red: entries.filter((e) => e.kind === "red"),
      redHistory: expiredRed,
      seriousDishonesty: entries.filter((e) => e.kind === "serious_dishonesty"),
      keyAttention: entries.filter((e) => e.kind === "key_attention"),
      marketBan: entries.filter((e) => e.kind === "market_ban"),
    },
    commitments: com,
    /** 违诺: negative records of their own (DOMAIN §6), with their publicity dates */
    breaches: com.filter((c) => c.fulfilment === "breached"),
    selfReports: reports,
    government,
    grade: { ...grade, asOf: today },
  };
}

export type SubjectProfile = NonNullable<Awaited<ReturnType<typeof getSubjectProfile>>>;

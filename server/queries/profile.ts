import "server-only";
import { type Column, getTableColumns, type Table } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import { cache } from "react";
import type { DbHandle } from "@/db/client";
import { commitments, licences, listEntries, penalties, selfReports, subjects } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { computeGrade } from "@/lib/grading/grading";
import { isGovernmentBody } from "@/lib/platform/government";
import { isWithinValidity } from "@/lib/records/publicity";
import type { SubjectCode } from "@/lib/subjects/subject-code";
import { database } from "../db";
import { publicDatabase } from "../reads";
import { getGradingRules } from "../settings";
import { governmentIntegrityOf } from "./government";
import { publicSubjectRef } from "./labels";
import {
  cataloguePublicSql,
  commitmentIsPublicSql,
  licenceIsPublicSql,
  listEntryIsPublicSql,
  penaltyIsPublicSql,
} from "./publicity";

type ValidCode = Exclude<SubjectCode, { kind: "invalid" }>;

type Penalty = typeof penalties.$inferSelect;
type Licence = typeof licences.$inferSelect;
type ListEntry = typeof listEntries.$inferSelect;
type Commitment = typeof commitments.$inferSelect;
type SelfReport = typeof selfReports.$inferSelect;
type Subject = typeof subjects.$inferSelect;

/** A subject and its public records as one row reads them: JSON built by PostgreSQL, keys as below. */
type ProfileRow = Pick<
  Subject,
  | "id"
  | "publicId"
  | "kind"
  | "uscc"
  | "name"
  | "legalRepresentative"
  | "idNumberMasked"
  | "regionCode"
  | "address"
  | "registeredOn"
  | "status"
> & {
  regionName: string | null;
  penalties: (Pick<
    Penalty,
    | "id"
    | "decisionNo"
    | "decisionDate"
    | "violationType"
    | "penaltyTypes"
    | "penaltyContent"
    | "severity"
    | "publicUntil"
    | "repairableFrom"
    | "underVerification"
  > & { authority: string })[];
  licences: (Pick<
    Licence,
    | "id"
    | "decisionNo"
    | "decisionTitle"
    | "certificateName"
    | "licenceNo"
    | "content"
    | "decisionDate"
    | "validFrom"
    | "validTo"
    | "underVerification"
  > & { authority: string })[];
  entries: (Pick<
    ListEntry,
    | "id"
    | "kind"
    | "basis"
    | "facts"
    | "bannedField"
    | "decisionDate"
    | "decisionNo"
    | "validFrom"
    | "validUntil"
    | "underVerification"
  > & { listName: string; dept: string })[];
  commitments: (Pick<
    Commitment,
    | "id"
    | "type"
    | "title"
    | "content"
    | "signedOn"
    | "fulfilment"
    | "breachFinding"
    | "breachedOn"
    | "breachPublicUntil"
    | "breachRepairableFrom"
  > & { dept: string })[];
  selfReports: (Pick<SelfReport, "id" | "category" | "title" | "issuer" | "occurredOn" | "description"> & {
    verifiedOn: string | null;
    verifier: string;
  })[];
};

/** `json_agg` of the rows a subquery selects, newest first; an empty list rather than NULL. */
const list = (fields: [string, string][], from: string, order: string) =>
  `(SELECT coalesce(json_agg(json_build_object(${fields
    .map(([k, v]) => `'${k}', ${v}`)
    .join(", ")}) ORDER BY ${order}), '[]') ${from})`;

// the database's column names as drizzle derives them (db/client: casing "snake_case")
const casing = new CasingCache("snake_case");

/** JSON keys as the schema's property names, read from its columns under `alias`; a pair for anything else. */
function fields<T extends Table>(
  alias: string,
  table: T,
  keys: (keyof T["_"]["columns"] | [string, string])[],
): [string, string][] {
  const columns = getTableColumns(table);
  return keys.map((k) =>
    Array.isArray(k) ? k : [String(k), `${alias}.${casing.getColumnCasing(columns[k as string] as Column)}`],
  );
}

/**
 * The profile in one statement, $1 the code and $2 today: one round trip and one parse, where six queries built
 * per request cost the USCC lookup ~2 ms of CPU (issue 24). The text is built once; the record conditions are
 * publicity.ts's, the same as every other public surface's.
 */
const profileSql = (codeColumn: "uscc" | "public_id") => `SELECT json_build_object(
  ${fields("s", subjects, [
    "id",
    "publicId",
    "kind",
    "uscc",
    "name",
    "legalRepresentative",
    "idNumberMasked",
    "regionCode",
    ["regionName", "r.name"],
    "address",
    "registeredOn",
    "status",
  ])
    .map(([k, v]) => `'${k}', ${v}`)
    .join(", ")},
  'penalties', ${list(
    fields("p", penalties, [
      "id",
      "decisionNo",
      "decisionDate",
      "violationType",
      "penaltyTypes",
      "penaltyContent",
      "severity",
      "publicUntil",
      "repairableFrom",
      "underVerification",
      ["authority", "d.name"],
    ]),
    `FROM penalties p JOIN departments d ON d.id = p.authority_dept_id
     WHERE p.subject_id = s.id AND ${penaltyIsPublicSql("p", "$2")}`,
    "p.decision_date DESC",
  )},
  'licences', ${list(
    fields("l", licences, [
      "id",
      "decisionNo",
      "decisionTitle",
      "certificateName",
      "licenceNo",
      "content",
      "decisionDate",
      "validFrom",
      "validTo",
      "underVerification",
      ["authority", "d.name"],
    ]),
    `FROM licences l JOIN departments d ON d.id = l.authority_dept_id
     WHERE l.subject_id = s.id AND ${licenceIsPublicSql("l", "$2")}`,
    "l.decision_date DESC",
  )},
  'entries', ${list(
    fields("e", listEntries, [
      "id",
      "kind",
      ["listName", "c.name"],
      "basis",
      "facts",
      "bannedField",
      "decisionDate",
      "decisionNo",
      "validFrom",
      "validUntil",
      "underVerification",
      ["dept", "d.name"],
    ]),
    // current entries, and red-list entries whose validity ended (DOMAIN §4: they move to history)
    `FROM list_entries e JOIN credit_lists c ON c.id = e.list_id JOIN departments d ON d.id = e.dept_id
     WHERE e.subject_id = s.id AND ((${listEntryIsPublicSql("e", "$2")})
       OR (e.kind = 'red' AND e.status = 'published' AND e.valid_until < $2
           AND ${cataloguePublicSql("list_entry", "e.dept_id")}))`,
    "e.decision_date DESC",
  )},
  'commitments', ${list(
    fields("m", commitments, [
      "id",
      "type",
      "title",
      "content",
      "signedOn",
      "fulfilment",
      "breachFinding",
      "breachedOn",
      "breachPublicUntil",
      "breachRepairableFrom",
      ["dept", "d.name"],
    ]),
    `FROM commitments m JOIN departments d ON d.id = m.dept_id
     WHERE m.subject_id = s.id AND ${commitmentIsPublicSql("m", "$2")}`,
    "m.signed_on DESC",
  )},
  -- 2020 plan §11: verified self-reports, shown apart from official records with who verified them
  'selfReports', ${list(
    fields("x", selfReports, [
      "id",
      "category",
      "title",
      "issuer",
      "occurredOn",
      "description",
      ["verifiedOn", "x.decided_on"],
      ["verifier", "d.name"],
    ]),
    `FROM self_reports x JOIN departments d ON d.id = x.dept_id
     WHERE x.subject_id = s.id AND x.status = 'verified'`,
    "x.occurred_on DESC",
  )}
) AS profile
FROM subjects s LEFT JOIN regions r ON r.code = s.region_code
WHERE s.${codeColumn} = $1
LIMIT 1`;

const PROFILE_SQL = { uscc: profileSql("uscc"), public_id: profileSql("public_id") };

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
  return profileOnce(JSON.stringify(code), today, primary).then((r) => r?.profile ?? null);
}

/**
 * The same read with the subject's row id, for a use case that writes about the subject (a report): no second
 * statement to find the id. The id never goes to a client; a replica's ids are the primary's.
 */
export function getSubjectProfileAndId(args: Parameters<typeof getSubjectProfile>[0]) {
  return profileOnce(JSON.stringify(args.code), args.today, args.primary ?? false);
}

const profileOnce = cache(async (code: string, today: IsoDate, primary: boolean) =>
  loadProfile(primary ? await database() : await publicDatabase(), JSON.parse(code) as ValidCode, today),
);

async function loadProfile(db: DbHandle, code: ValidCode, today: IsoDate) {
  const [row] = await db.execKeyed(PROFILE_SQL[code.kind], [
    code.kind === "uscc" ? code.code : code.id,
    today,
  ]);
  const s = (row?.profile as ProfileRow | undefined) ?? null;
  if (!s) return null;
  const { penalties: pen, licences: lic, entries: allEntries, commitments: com, selfReports: reports } = s;
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
  const profile = {
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
  return { id: s.id, profile };
}

export type SubjectProfile = NonNullable<Awaited<ReturnType<typeof getSubjectProfile>>>;

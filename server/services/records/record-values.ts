import "server-only";
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  type adminActs,
  type NewLicence,
  type NewPenalty,
  type penalties,
  RECORD_TABLES,
  type RecordKind,
} from "@/db/schema";
import { isPenaltyDisclosable } from "@/lib/records/disclosure";
import type { RecordChannel } from "@/lib/records/provenance";
import { penaltyPublicityWindow } from "@/lib/records/publicity";
import {
  type ActInput,
  type LicenceInput,
  type PenaltyInput,
  subjectKindOf,
} from "@/lib/records/record-input";
import { snakeCase } from "@/lib/web/format";

/** The three tables share the decision columns (id, subject, 文号, source, status …); typed as one for those. */
export const decisionTable = (kind: RecordKind) => RECORD_TABLES[kind] as unknown as typeof penalties;
export type NewAct = typeof adminActs.$inferInsert;
export type NewRecord = NewPenalty | NewLicence | NewAct;
/** actorId null: written by a department's system through its API key (no user account). */
export type WriteContext = {
  deptId: number;
  actorId: number | null;
  thresholdWan: number;
  channel: RecordChannel;
};
export type RecordInputOf = { penalty: PenaltyInput; licence: LicenceInput; act: ActInput };

/** The columns every decision shares (DOMAIN §3); the operator's department is both 决定机关 and 数据来源单位. */
function decisionValues(
  i: Pick<
    PenaltyInput,
    | "counterpartName"
    | "counterpartCategory"
    | "legalRepresentative"
    | "decisionNo"
    | "decisionDate"
    | "remarks"
  >,
  subjectId: number,
  c: WriteContext,
) {
  return {
    subjectId,
    counterpartName: i.counterpartName,
    counterpartCategory: i.counterpartCategory,
    legalRepresentative: i.legalRepresentative,
    decisionNo: i.decisionNo,
    decisionDate: i.decisionDate,
    authorityDeptId: c.deptId,
    sourceDeptId: c.deptId,
    remarks: i.remarks,
    channel: c.channel,
    createdBy: c.actorId,
    updatedBy: c.actorId,
  };
}

/** A validated penalty as its row: 公示截止, 可修复日 and disclosability come from lib rules, never typed in. */
export function penaltyValues(i: PenaltyInput, subjectId: number, c: WriteContext): NewPenalty {
  const w = penaltyPublicityWindow(i.decisionDate, i.severity);
  return {
    ...decisionValues(i, subjectId, c),
    violationType: i.violationType,
    violationFacts: i.violationFacts,
    legalBasis: i.legalBasis,
    penaltyTypes: i.penaltyTypes,
    penaltyContent: i.penaltyContent,
    fineAmount: i.fineAmount,
    confiscatedAmount: i.confiscatedAmount,
    licenceAffected: i.licenceAffected,
    effectiveUntil: i.effectiveUntil,
    severity: i.severity,
    publicUntil: w.publicUntil,
    repairableFrom: w.repairableFrom,
    disclosable: isPenaltyDisclosable(
      {
        penaltyTypes: i.penaltyTypes,
        fineAmountWan: i.fineAmount === null ? null : Number(i.fineAmount),
        subjectKind: subjectKindOf(i.counterpartCategory, i.uscc),
      },
      c.thresholdWan,
    ),
  };
}

export function licenceValues(i: LicenceInput, subjectId: number, c: WriteContext): NewLicence {
  return {
    ...decisionValues(i, subjectId, c),
    decisionTitle: i.decisionTitle,
    category: i.category,
    certificateName: i.certificateName,
    licenceNo: i.licenceNo,
    content: i.content,
    validFrom: i.validFrom,
    validTo: i.validTo,
  };
}

export function actValues(i: ActInput, subjectId: number, c: WriteContext): NewAct {
  return {
    ...decisionValues(i, subjectId, c),
    kind: i.kind,
    title: i.title,
    content: i.content,
    legalBasis: i.legalBasis,
  };
}

/** The one place that knows penalty, licence and other act: a validated input as the row of its table. */
export function recordValues<K extends RecordKind>(
  kind: K,
  input: RecordInputOf[K],
  subjectId: number,
  c: WriteContext,
): NewRecord {
  if (kind === "penalty") return penaltyValues(input as PenaltyInput, subjectId, c);
  if (kind === "licence") return licenceValues(input as LicenceInput, subjectId, c);
  return actValues(input as ActInput, subjectId, c);
}

// columns a re-import may change; bookkeeping (ids, status, who/when) is not compared
const NOT_COMPARED = new Set([
  "id",
  "status",
  "withdrawnReason",
  "createdBy",
  "updatedBy",
  "createdAt",
  "updatedAt",
  "underVerification",
  "repairedAt",
  "channel",
]);

export type UpsertOutcome = { id: number; outcome: "new" | "updated" | "unchanged"; decisionNo: string };

/**
 * Insert-or-update by (数据来源单位, 决定书文号) (DOMAIN §3): a row equal to the stored one is left alone, so a
 * second run of the same file reports "0 new, N unchanged".
 */
export async function upsertRecords(tx: Tx, kind: RecordKind, rows: NewRecord[]): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const table = RECORD_TABLES[kind];
  const cols = Object.entries(getTableColumns(table)).filter(
    ([k]) => !NOT_COMPARED.has(k) && k !== "sourceDeptId" && k !== "decisionNo",
  );
  const set = Object.fromEntries([
    ...cols.map(([k]) => [k, sql.raw(`excluded."${snakeCase(k)}"`)]),
    ["updatedBy", sql.raw(`excluded."updated_by"`)],
    ["updatedAt", sql`now()`],
  ]);
  const changed = sql.join(
    cols.map(([k]) =>
      sql.raw(`"${getTableName(table)}"."${snakeCase(k)}" IS DISTINCT FROM excluded."${snakeCase(k)}"`),
    ),
    sql` OR `,
  );
  const written = await tx
    .insert(table)
    .values(rows as never[])
    .onConflictDoUpdate({ target: [table.sourceDeptId, table.decisionNo], set, setWhere: changed })
    .returning({ id: table.id, decisionNo: table.decisionNo, inserted: sql<boolean>`(xmax = 0)` });
  const byNo = new Map(written.map((w) => [w.decisionNo, w]));
  const missing = rows.filter((r) => !byNo.has(r.decisionNo)).map((r) => r.decisionNo);
  const unchanged = missing.length
    ? await tx
        .select({ id: table.id, decisionNo: table.decisionNo })
        .from(table)
        .where(
          sql`${table.sourceDeptId} = ${rows[0]?.sourceDeptId} AND ${table.decisionNo} = ANY(${sql.param(missing)}::text[])`,
        )
    : [];
  const unchangedByNo = new Map(unchanged.map((u) => [u.decisionNo, u.id]));
  return rows.map((r) => {
    const w = byNo.get(r.decisionNo);
    if (w) return { id: w.id, outcome: w.inserted ? "new" : "updated", decisionNo: r.decisionNo };
    return { id: unchangedByNo.get(r.decisionNo) ?? 0, outcome: "unchanged", decisionNo: r.decisionNo };
  });
}

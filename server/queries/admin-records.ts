import "server-only";
import { getTableName } from "drizzle-orm";
import { RECORD_TABLES, type RecordKind } from "@/db/schema";
import { inRecordScope, recordScope, type ScopeUser } from "@/lib/access/scope";
import { escapeLike } from "@/lib/subjects/search-query";
import { config } from "../config";
import { database } from "../db";
import { createPiiProtector } from "../pii";
import { scopeCondition } from "./scope-sql";

export const ADMIN_PAGE_SIZE = 20;

export type AdminRecordRow = {
  id: number;
  decisionNo: string;
  counterpartName: string;
  decisionDate: string;
  status: "active" | "withdrawn" | "repaired";
  severity: "general" | "serious" | null;
  publicUntil: string | null;
  department: string;
};

/** The console's record list, within the user's scope (DOMAIN §11), newest decisions first. */
export async function listAdminRecords(f: {
  actor: ScopeUser;
  kind: RecordKind;
  q?: string;
  status?: string;
  page: number;
}): Promise<{ rows: AdminRecordRow[]; total: number }> {
  const h = await database();
  const table = getTableName(RECORD_TABLES[f.kind]);
  const s = scopeCondition(recordScope(f.actor), "r.source_dept_id", 1);
  const params: unknown[] = [...s.params];
  const where = [s.sql];
  if (f.q) {
    params.push(`%${escapeLike(f.q)}%`);
    where.push(`(r.decision_no LIKE $${params.length} OR r.counterpart_name LIKE $${params.length})`);
  }
  if (f.status) {
    params.push(f.status);
    where.push(`r.status = $${params.length}::record_status`);
  }
  const penalty = f.kind === "penalty";
  const [rows, total] = await Promise.all([
    h.exec(
      `SELECT r.id, r.decision_no, r.counterpart_name, r.decision_date::text AS decision_date, r.status,
              ${penalty ? "r.severity, r.public_until::text AS public_until" : "NULL AS severity, NULL AS public_until"},
              d.short_name AS department
         FROM ${table} r JOIN departments d ON d.id = r.source_dept_id
        WHERE ${where.join(" AND ")}
        ORDER BY r.decision_date DESC, r.id DESC LIMIT ${ADMIN_PAGE_SIZE} OFFSET ${(f.page - 1) * ADMIN_PAGE_SIZE}`,
      params,
    ),
    h.exec(`SELECT count(*)::int AS n FROM ${table} r WHERE ${where.join(" AND ")}`, params),
  ]);
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      decisionNo: String(r.decision_no),
      counterpartName: String(r.counterpart_name),
      decisionDate: String(r.decision_date),
      status: r.status as AdminRecordRow["status"],
      severity: (r.severity as AdminRecordRow["severity"]) ?? null,
      publicUntil: (r.public_until as string | null) ?? null,
      department: String(r.department),
    })),
    total: Number(total[0]?.n ?? 0),
  };
}

/**
 * One record with its subject's code, for the detail and edit page; null when it does not exist or lies outside
 * the user's scope, so a guessed id learns nothing. A person's ID number is decrypted here only (DOMAIN §2).
 */
export async function getAdminRecord({
  kind,
  id,
  actor,
}: {
  kind: RecordKind;
  id: number;
  actor: ScopeUser;
}) {
  const h = await database();
  const table = getTableName(RECORD_TABLES[kind]);
  const [row] = await h.exec(
    `SELECT to_jsonb(r) AS record, d.region_code AS dept_region, d.name AS dept_name,
            s.uscc, s.id_number_cipher, s.public_id, s.name AS subject_name
       FROM ${table} r JOIN departments d ON d.id = r.source_dept_id JOIN subjects s ON s.id = r.subject_id
      WHERE r.id = $1`,
    [id],
  );
  if (!row) return null;
  const record = row.record as Record<string, unknown>;
  if (
    !inRecordScope(actor, {
      sourceDeptId: Number(record.source_dept_id),
      deptRegion: String(row.dept_region),
    })
  )
    return null;
  const cipher = row.id_number_cipher as string | null;
  return {
    record,
    department: String(row.dept_name),
    uscc: (row.uscc as string | null) ?? null,
    idNumber: cipher ? createPiiProtector(config().piiKey).reveal(cipher) : null,
    publicId: String(row.public_id),
    subjectName: String(row.subject_name),
  };
}

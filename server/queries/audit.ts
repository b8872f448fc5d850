import "server-only";
import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { AUDIT_ENTITY_LABEL } from "@/lib/access/audit-labels";
import { addDays, type IsoDate } from "@/lib/calendar/dates";
import { policyField } from "@/lib/policy-fields";
import { verifyAudit, writeAuditCheckpoint } from "../audit";
import { database } from "../db";
import { logUnexpected } from "../errors";
import { memo } from "../memo";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
  action?: string;
  actor?: string;
  outcome?: "success" | "failure" | "denied";
  from?: IsoDate;
  to?: IsoDate;
  page: number;
};

/** The audit trail, newest first; times are read in China Standard Time. */
export async function listAudit(f: AuditFilter) {
  const { db } = await database();
  const where: SQL[] = [];
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actor) where.push(ilike(auditLog.actorName, `${f.actor.replace(/[\\%_]/g, "\\$&")}%`));
  if (f.outcome) where.push(eq(auditLog.outcome, f.outcome));
  if (f.from) where.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) where.push(lt(auditLog.at, new Date(`${addDays(f.to, 1)}T00:00:00+08:00`)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((f.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  const names = await objectNames(rows);
  return {
    rows: rows.map((r) => ({
      ...r,
      object: r.entityType ? objectLabel(r.entityType, r.entityId, names) : null,
    })),
    total: total?.n ?? 0,
  };
}

/**
 * Issue 21: the audit page names the object of each row as a person knows it — a case by its number, a record by
 * its 文号, a draw by its number and the subject drawn — instead of a table name and an internal id. One query per
 * kind of object on the page; an object since deleted keeps its id.
 */
const OBJECT_NAME: Record<string, string> = {
  user: "SELECT id::text AS id, username || '（' || display_name || '）' AS name FROM users WHERE id::text = ANY($1::text[])",
  department: "SELECT id::text AS id, name FROM departments WHERE id::text = ANY($1::text[])",
  api_key:
    "SELECT id::text AS id, 'cjx_' || prefix || '_…（' || label || '）' AS name FROM api_keys WHERE id::text = ANY($1::text[])",
  subject:
    "SELECT id::text AS id, CASE WHEN kind = 'natural_person' THEN coalesce(id_number_masked, '自然人') ELSE name END AS name FROM subjects WHERE id::text = ANY($1::text[])",
  penalty: "SELECT id::text AS id, decision_no AS name FROM penalties WHERE id::text = ANY($1::text[])",
  licence: "SELECT id::text AS id, decision_no AS name FROM licences WHERE id::text = ANY($1::text[])",
  import: "SELECT id::text AS id, file_name AS name FROM import_jobs WHERE id::text = ANY($1::text[])",
  commitment: "SELECT id::text AS id, title AS name FROM commitments WHERE id::text = ANY($1::text[])",
  commitment_template:
    "SELECT id::text AS id, title AS name FROM commitment_templates WHERE id::text = ANY($1::text[])",
  self_report: "SELECT id::text AS id, case_no AS name FROM self_reports WHERE id::text = ANY($1::text[])",
  repair_case: "SELECT id::text AS id, case_no AS name FROM repair_cases WHERE id::text = ANY($1::text[])",
  objection: "SELECT id::text AS id, case_no AS name FROM objections WHERE id::text = ANY($1::text[])",
  list_entry: "SELECT id::text AS id, case_no AS name FROM list_entries WHERE id::text = ANY($1::text[])",
  credit_list: "SELECT id::text AS id, name FROM credit_lists WHERE id::text = ANY($1::text[])",
  news: "SELECT id::text AS id, title AS name FROM news_items WHERE id::text = ANY($1::text[])",
  inspector:
    "SELECT id::text AS id, name || '（' || badge_no || '）' AS name FROM inspectors WHERE id::text = ANY($1::text[])",
  webhook: "SELECT id::text AS id, url AS name FROM webhooks WHERE id::text = ANY($1::text[])",
  inspection_draw:
    "SELECT id::text AS id, coalesce(draw_no, '预览 ' || title) AS name FROM inspection_draws WHERE id::text = ANY($1::text[])",
};

type Named = Map<string, Map<string, string>>;

async function objectNames(rows: { entityType: string | null; entityId: string | null }[]): Promise<Named> {
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: string | undefined) => {
    if (!id || !OBJECT_NAME[type]) return;
    if (!wanted.has(type)) wanted.set(type, new Set());
    wanted.get(type)?.add(id);
  };
  for (const r of rows) {
    if (!r.entityType || !r.entityId) continue;
    // a drawn subject's result is logged as "draw/subject"
    const [id, sub] = r.entityId.split("/");
    want(r.entityType, id);
    if (r.entityType === "inspection_draw") want("subject", sub);
  }
  const h = await database();
  const out: Named = new Map();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      const found = await h.exec(OBJECT_NAME[type] as string, [[...ids]]);
      out.set(type, new Map(found.map((f) => [String(f.id), String(f.name)])));
    }),
  );
  return out;
}

function objectLabel(type: string, entityId: string | null, names: Named): string {
  const kind = AUDIT_ENTITY_LABEL[type] ?? type;
  if (!entityId) return kind;
  const [id = "", sub] = entityId.split("/");
  const name =
    names.get(type)?.get(id) ??
    (type === "setting"
      ? (policyField(id)?.label ?? (id === "grading" ? "信用评价规则" : id))
      : type === "calendar_day"
        ? id
        : `#${id}`);
  const subject = sub ? `：${names.get("subject")?.get(sub) ?? `#${sub}`}` : "";
  return `${kind} ${name}${subject}`;
}

/**
 * Whether the hash chain and its checkpoints hold, re-checked at most every 30 s; a head found intact is
 * checkpointed at once, so the latest checkpoint the page shows is current.
 */
export function auditChainStatus() {
  return memo("audit-chain", 30_000, async () => {
    const h = await database();
    const exec = (text: string, params: unknown[]) => h.exec(text, params);
    const v = await verifyAudit(exec);
    if (!v.intact) return v;
    // a checkpoint file that cannot be written (read-only directory) is logged; the page still answers
    const fresh = await writeAuditCheckpoint(exec).catch((err) => {
      logUnexpected("audit checkpoint", err);
      return null;
    });
    return fresh ? { ...v, checkpoints: v.checkpoints + 1, latest: fresh } : v;
  });
}

export async function auditActions(): Promise<string[]> {
  const { db } = await database();
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

import "server-only";
import { createHash } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import {
  type AuditFields,
  type ChainRow,
  type ChainVerdict,
  chainInput,
  GENESIS_HASH,
  verifyChain,
} from "@/lib/audit-chain";

/** The audit actions of the console (typed, so a misspelt action does not compile). */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.locked"
  | "auth.sign_out"
  | "auth.password_changed"
  | "auth.totp_enabled"
  | "auth.totp_disabled"
  | "access.denied"
  | "user.create"
  | "user.update"
  | "user.disable"
  | "user.enable"
  | "user.reset_password"
  | "department.create"
  | "department.update"
  | "api_key.create"
  | "api_key.revoke"
  | "subject.create"
  | "subject.name_conflict"
  | "subject.name_review"
  | "record.create"
  | "record.update"
  | "record.withdraw"
  | "import.start"
  | "import.batch"
  | "import.finish"
  | "provider.batch"
  | "system.seed";

export type AuditEntry = {
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  actorId?: number | null;
  actorName?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  outcome?: AuditFields["outcome"];
};

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

export const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

// one constant key: appends are serialised so two transactions never chain onto the same previous row
const CHAIN_LOCK = 7_101_015;

/**
 * Appends one row to the hash chain, inside the caller's transaction (STYLE §6): the change and its audit row
 * commit or roll back together.
 */
export async function logAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // milliseconds: what timestamp(3) stores, so the hash can be recomputed from the row
  const at = new Date(Math.floor(Date.now()));
  const fields: AuditFields = {
    at: at.toISOString(),
    actorId: e.actorId ?? null,
    actorName: e.actorName ?? null,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    // exactly what jsonb will give back (dates become strings), so the stored row re-hashes the same
    before: toJson(e.before),
    after: toJson(e.after),
    ip: e.ip ?? null,
    userAgent: e.userAgent ?? null,
    outcome: e.outcome ?? "success",
  };
  await tx
    .insert(auditLog)
    .values({ ...fields, at, prevHash, hash: sha256Hex(chainInput(prevHash, fields)) });
}

/** Reads the chain in id order, batch by batch, and says whether it is intact or which row first breaks it. */
export async function verifyAuditChain(
  exec: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>,
): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let total = 0;
  for (;;) {
    const batch = await exec(
      `SELECT id, at, actor_id, actor_name, action, entity_type, entity_id, before, after, ip, user_agent, outcome, prev_hash, hash
       FROM audit_log WHERE id > $1 ORDER BY id LIMIT 5000`,
      [afterId],
    );
    if (batch.length === 0) return { intact: true, rows: total };
    const rows: ChainRow[] = batch.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at as string | Date).toISOString(),
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      actorName: (r.actor_name as string | null) ?? null,
      action: String(r.action),
      entityType: (r.entity_type as string | null) ?? null,
      entityId: (r.entity_id as string | null) ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: (r.ip as string | null) ?? null,
      userAgent: (r.user_agent as string | null) ?? null,
      outcome: r.outcome as ChainRow["outcome"],
      prevHash: String(r.prev_hash),
      hash: String(r.hash),
    }));
    const v = verifyChain(rows, sha256Hex, prev);
    if (!v.intact) return { ...v, rows: total + v.rows };
    total += rows.length;
    prev = rows.at(-1)?.hash ?? prev;
    afterId = rows.at(-1)?.id ?? afterId;
  }
}

import "server-only";
import { createHmac } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import {
  type AuditFields,
  type ChainRow,
  type ChainVerdict,
  type Checkpoint,
  chainInput,
  checkpointInput,
  createCheckpointCheck,
  GENESIS_HASH,
  parseCheckpoints,
  verifyChain,
} from "@/lib/access/audit-chain";
import type { AuditAction } from "@/lib/access/audit-labels";
import { config } from "./config";
import type { RequestMeta } from "./context";
import { auditCheckpointStore, type ObjectStore } from "./object-store";

/** The audit actions (typed, so a misspelt action does not compile): lib/access/audit-labels, with their names. */
export type { AuditAction };

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

/**
 * HMAC-SHA-256 under AUDIT_KEY, which lives outside the database (issue 9 §3): whoever can rewrite the table
 * but does not hold the key cannot compute a chain that verifies.
 */
export const chainDigest = (s: string, key = config().auditKey) =>
  createHmac("sha256", key).update(s).digest("hex");

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
    .values({ ...fields, at, prevHash, hash: chainDigest(chainInput(prevHash, fields)) });
}

/** Who acted and from where: a use case's context, or the part of it a step carries. */
export type Acting = { actor: { id: number | null; username: string }; meta: RequestMeta };

/** The audit row of what a signed-in person did: their id, name, address and browser come from `by`, never by hand. */
export const auditBy = (
  tx: Tx,
  by: Acting,
  e: Omit<AuditEntry, "actorId" | "actorName" | "ip" | "userAgent">,
) => logAudit(tx, { ...e, actorId: by.actor.id, actorName: by.actor.username, ...by.meta });

type Exec = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The audit rows of one action on one entity, oldest first, each with whether its keyed hash still holds: what a
 * record's own row cannot prove about itself (issue 20 N16: a draw re-forged in the database) its audit row can,
 * since nobody without AUDIT_KEY can write one that verifies.
 */
export async function auditRowsOf(
  db: Pick<Tx, "select">,
  of: { action: AuditAction; entityType: string; entityId: string },
): Promise<{ after: unknown; authentic: boolean }[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, of.action),
        eq(auditLog.entityType, of.entityType),
        eq(auditLog.entityId, of.entityId),
      ),
    )
    .orderBy(asc(auditLog.id));
  return rows.map(({ id: _id, prevHash, hash, at, ...r }) => ({
    after: r.after,
    authentic: chainDigest(chainInput(prevHash, { ...r, at: at.toISOString() })) === hash,
  }));
}

/** Up to `limit` rows after `afterId`, in id order, as the chain hashes them. */
export async function readChainRows(exec: Exec, afterId: number, limit = 5000): Promise<ChainRow[]> {
  const batch = await exec(
    `SELECT id, at, actor_id, actor_name, action, entity_type, entity_id, before, after, ip, user_agent, outcome, prev_hash, hash
     FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return batch.map((r) => ({
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
}

/**
 * Reads the chain in id order, batch by batch, and says whether it is intact or which row first breaks it:
 * a keyed hash that does not hold, a link to the previous row that does not hold, or a row that the
 * checkpoints (when given) remember and that is gone or different.
 */
export async function verifyAuditChain(
  exec: Exec,
  checkpoints: readonly Checkpoint[] = [],
): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let total = 0;
  const anchored = createCheckpointCheck(checkpoints);
  for (;;) {
    const rows = await readChainRows(exec, afterId);
    if (rows.length === 0) {
      const cut = anchored.end();
      return cut ? { intact: false, rows: total, ...cut } : { intact: true, rows: total };
    }
    const v = verifyChain(rows, (x) => chainDigest(x), prev);
    if (!v.intact) return { ...v, rows: total + v.rows };
    for (const [i, r] of rows.entries()) {
      const broken = anchored.row(r.id, r.hash);
      if (broken) return { intact: false, rows: total + i + 1, ...broken };
    }
    total += rows.length;
    prev = rows.at(-1)?.hash ?? prev;
    afterId = rows.at(-1)?.id ?? afterId;
  }
}

/**
 * Where checkpoints are kept: a file (AUDIT_CHECKPOINT_FILE), or, when app nodes share an object store, one object
 * per checkpoint there, which every node and the auditor read (issue 24 §2; turn on the bucket's versioning).
 */
export type CheckpointPlace = string | ObjectStore;

export const checkpointPlace = (): CheckpointPlace => auditCheckpointStore() ?? config().auditCheckpointFile;

/** The checkpoints written so far (none when nothing was written yet), and any line that fails its MAC. */
export async function readAuditCheckpoints(place: CheckpointPlace = checkpointPlace()) {
  let text = "";
  if (typeof place === "string") {
    try {
      text = await readFile(place, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  } else {
    const keys: string[] = [];
    for await (const o of place.list()) keys.push(o.key);
    for (const key of keys.sort()) text += (await place.get(key)).toString("utf8");
  }
  return parseCheckpoints(text, (x) => chainDigest(x));
}

/** The chain and the checkpoint file together: what `npm run audit:verify` and the auditor page report. */
export async function verifyAudit(
  exec: Exec,
  place: CheckpointPlace = checkpointPlace(),
): Promise<ChainVerdict & { checkpoints: number; latest: Checkpoint | null }> {
  const { checkpoints, problems } = await readAuditCheckpoints(place);
  const latest = checkpoints.reduce<Checkpoint | null>((a, c) => (!a || c.lastId >= a.lastId ? c : a), null);
  const v = await verifyAuditChain(exec, checkpoints);
  if (v.intact && problems.length)
    return { intact: false, rows: v.rows, brokenId: 0, reason: problems.join("；"), checkpoints: 0, latest };
  return { ...v, checkpoints: checkpoints.length, latest };
}

/**
 * Appends the chain's current head to the checkpoint file (O_APPEND; a line per call, none when nothing was
 * logged since the last one). The file is what the database cannot rewrite; copy its last line elsewhere too.
 */
export async function writeAuditCheckpoint(
  exec: Exec,
  place: CheckpointPlace = checkpointPlace(),
  now = new Date(),
): Promise<Checkpoint | null> {
  // one statement, one snapshot: the count belongs to the head it is written with
  const [head] = await exec(
    `SELECT a.id, a.hash, c.n FROM (SELECT count(*) AS n, max(id) AS m FROM audit_log) c
     JOIN audit_log a ON a.id = c.m`,
    [],
  );
  if (!head) return null;
  const { checkpoints } = await readAuditCheckpoints(place);
  const lastId = Number(head.id);
  if (checkpoints.some((c) => c.lastId === lastId)) return null;
  const body = { at: now.toISOString(), lastId, rows: Number(head.n), hash: String(head.hash) };
  const checkpoint: Checkpoint = { ...body, mac: chainDigest(checkpointInput(body)) };
  const line = `${JSON.stringify(checkpoint)}\n`;
  if (typeof place !== "string") {
    // one object per checkpoint, named by the head it records: written once, listed in order
    await place.put(`${String(lastId).padStart(15, "0")}.json`, Buffer.from(line));
    return checkpoint;
  }
  await mkdir(dirname(place), { recursive: true });
  await appendFile(place, line, { mode: 0o600 });
  return checkpoint;
}

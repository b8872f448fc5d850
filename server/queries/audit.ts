import "server-only";
import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { addDays, type IsoDate } from "@/lib/calendar/dates";
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
  return { rows, total: total?.n ?? 0 };
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

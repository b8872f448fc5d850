import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, departments } from "@/db/schema";
import { logAudit } from "../audit";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A provider key for one department (issue 5 §7): shown once, stored only as its SHA-256. */
export async function createApiKey(
  ctx: ServiceContext,
  { departmentId, label }: { departmentId: number; label: string },
) {
  const { db } = ctx;
  const [dept] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, departmentId));
  if (!dept) throw new AppError("invalid", "部门不存在。");
  const prefix = randomBytes(4).toString("hex");
  const key = `cjx_${prefix}_${randomBytes(24).toString("base64url")}`;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ departmentId, label, prefix, keyHash: sha256(key), createdBy: ctx.actor.id })
      .returning({ id: apiKeys.id });
    await logAudit(tx, {
      action: "api_key.create",
      actorId: ctx.actor.id,
      actorName: ctx.actor.username,
      entityType: "api_key",
      entityId: String(row?.id),
      after: { departmentId, label, prefix },
      ...ctx.meta,
    });
  });
  return key;
}

export async function revokeApiKey(ctx: ServiceContext, { id }: { id: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ prefix: apiKeys.prefix });
    if (!row) throw new AppError("not_found", "密钥不存在或已吊销。");
    await logAudit(tx, {
      action: "api_key.revoke",
      actorId: ctx.actor.id,
      actorName: ctx.actor.username,
      entityType: "api_key",
      entityId: String(id),
      after: { prefix: row.prefix, revoked: true },
      ...ctx.meta,
    });
  });
}

/** A key as its route sees it: whose it is, and what it may call. */
export type ApiKeyIdentity = { keyId: number; departmentId: number; label: string; scopes: string[] };

/** The department a presented key speaks for, or null (unknown, malformed or revoked). */
export async function departmentOfKey(db: Db, key: string): Promise<ApiKeyIdentity | null> {
  const m = /^cjx_([0-9a-f]{8})_[\w-]{32}$/.exec(key);
  if (!m) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.prefix, m[1] ?? ""));
  if (!row || row.revokedAt) return null;
  if (!timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(sha256(key)))) return null;
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  return { keyId: row.id, departmentId: row.departmentId, label: row.label, scopes: row.scopes };
}

import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { apiKeys, departments } from "@/db/schema";
import { type ApiKeyScope, SCOPE_OWNER } from "@/lib/access/api-key-scopes";
import { auditBy } from "../audit";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A new key: shown once, stored only as its SHA-256 (issue 5 §7); the owner and its scopes are the caller's. */
export async function issueKey(
  tx: Tx,
  ctx: ServiceContext,
  o: { departmentId: number | null; institutionId: number | null; label: string; scopes: ApiKeyScope[] },
): Promise<string> {
  const prefix = randomBytes(4).toString("hex");
  const key = `cjx_${prefix}_${randomBytes(24).toString("base64url")}`;
  const [row] = await tx
    .insert(apiKeys)
    .values({ ...o, prefix, keyHash: sha256(key), createdBy: ctx.actor.id })
    .returning({ id: apiKeys.id });
  await auditBy(tx, ctx, {
    action: "api_key.create",
    entityType: "api_key",
    entityId: String(row?.id),
    after: { ...o, prefix },
  });
  return key;
}

/** A department's system key (issue 5 §7, issue 23 §1): 报送 and/or 联合奖惩核查. */
export async function createApiKey(
  ctx: ServiceContext,
  { departmentId, label, scopes }: { departmentId: number; label: string; scopes: ApiKeyScope[] },
) {
  const [dept] = await ctx.db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, departmentId));
  if (!dept) throw new AppError("invalid", "部门不存在。");
  if (scopes.length === 0 || scopes.some((s) => SCOPE_OWNER[s] !== "department"))
    throw new AppError("invalid", "请选择部门密钥可调用的接口。");
  return ctx.db.transaction((tx) => issueKey(tx, ctx, { departmentId, institutionId: null, label, scopes }));
}

export async function revokeApiKey(ctx: ServiceContext, { id }: { id: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ prefix: apiKeys.prefix });
    if (!row) throw new AppError("not_found", "密钥不存在或已吊销。");
    await auditBy(tx, ctx, {
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: String(id),
      after: { prefix: row.prefix, revoked: true },
    });
  });
}

/** A key as its route sees it: whose it is (a department's or an institution's system), and what it may call. */
export type DepartmentKey = { keyId: number; label: string; scopes: string[]; departmentId: number };
export type InstitutionKey = { keyId: number; label: string; scopes: string[]; institutionId: number };
export type ApiKeyIdentity = DepartmentKey | InstitutionKey;

/** Whose a presented key is, or null (unknown, malformed or revoked). */
export async function identifyKey(db: Db, key: string): Promise<ApiKeyIdentity | null> {
  const m = /^cjx_([0-9a-f]{8})_[\w-]{32}$/.exec(key);
  if (!m) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.prefix, m[1] ?? ""));
  if (!row || row.revokedAt) return null;
  if (!timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(sha256(key)))) return null;
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  const base = { keyId: row.id, label: row.label, scopes: row.scopes };
  if (row.departmentId !== null) return { ...base, departmentId: row.departmentId };
  return row.institutionId !== null ? { ...base, institutionId: row.institutionId } : null;
}

import "server-only";
import { desc, eq } from "drizzle-orm";
import { apiKeys, departments, institutions } from "@/db/schema";
import { getDb } from "../db";

export async function listApiKeys() {
  const db = await getDb();
  return db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      label: apiKeys.label,
      scopes: apiKeys.scopes,
      dept: departments.name,
      institution: institutions.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(departments, eq(departments.id, apiKeys.departmentId))
    .leftJoin(institutions, eq(institutions.id, apiKeys.institutionId))
    .orderBy(desc(apiKeys.id));
}

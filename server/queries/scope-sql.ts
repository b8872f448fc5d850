import "server-only";
import type { RecordScope } from "@/lib/access/scope";

/**
 * The scope as a SQL condition on a department column, with its parameters starting at `$first`
 * (DOMAIN §11). "none" matches nothing.
 */
export function scopeCondition(
  scope: RecordScope,
  column: string,
  first = 1,
): { sql: string; params: unknown[] } {
  if (scope.kind === "department") return { sql: `${column} = $${first}`, params: [scope.departmentId] };
  if (scope.kind === "region") {
    if (scope.prefix === null) return { sql: "TRUE", params: [] };
    return {
      sql: `${column} IN (SELECT id FROM departments WHERE region_code LIKE $${first} || '%')`,
      params: [scope.prefix],
    };
  }
  return { sql: "FALSE", params: [] };
}

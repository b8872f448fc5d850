import type { RoleName } from "../../lib/access/roles";
import type { CurrentUser } from "../../server/auth/guard";
import type { DbHandle } from "../client";

/** A signed-in account as the guard would hand it to a service, for tests that call services directly. */
export function testActor(a: {
  id: number;
  departmentId: number;
  role: RoleName;
  regionCode?: string;
}): CurrentUser {
  return {
    id: a.id,
    username: `u${a.id}`,
    displayName: `测试用户${a.id}`,
    roles: [a.role],
    departmentId: a.departmentId,
    regionCode: a.regionCode ?? "360000",
    subjectId: null,
    mustChangePassword: false,
    totpEnabled: false,
    sessionId: "00000000-0000-0000-0000-000000000000",
  };
}

/** Read models open the process's own database handle (server/db.ts): point it at a test's database. */
export function serveQueriesFrom(db: DbHandle | null): void {
  (globalThis as { __creditDb?: Promise<unknown> }).__creditDb = db ? Promise.resolve(db) : undefined;
}

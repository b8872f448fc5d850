import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { hashPassword } from "../credentials/password";
import { changePassword } from "./change-password";
import { closeSession, openSession, redeemTicket, revokeSessionsOf } from "./sessions";

let db: TestDatabase;
const meta = { ip: "203.0.113.9", userAgent: "vitest" };

beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash) VALUES (1, 'operator', '录入员', 'x')",
  );
});
afterAll(() => db.dispose());

describe("console sessions (issue 5 §1, §9)", () => {
  it("redeems a sign-in ticket once, and only the right one", async () => {
    const { sid, ticket } = await openSession(db.db, { userId: 1, ...meta });
    expect(await redeemTicket(db.db, sid, "x".repeat(43))).toBeNull();
    expect(await redeemTicket(db.db, sid, ticket)).toBe(1);
    expect(await redeemTicket(db.db, sid, ticket)).toBeNull();
  });

  it("refuses a ticket older than two minutes", async () => {
    const { sid, ticket } = await openSession(db.db, { userId: 1, ...meta });
    await db.exec("UPDATE user_sessions SET created_at = now() - interval '3 minutes' WHERE id = $1", [sid]);
    expect(await redeemTicket(db.db, sid, ticket)).toBeNull();
  });

  it("signing out revokes the row and is audited; disabling revokes every session of the account", async () => {
    const a = await openSession(db.db, { userId: 1, ...meta });
    await closeSession(db.db, { sid: a.sid, ...meta });
    const [row] = await db.exec("SELECT revoked_at FROM user_sessions WHERE id = $1", [a.sid]);
    expect(row?.revoked_at).not.toBeNull();
    const [audit] = await db.exec("SELECT action, entity_id FROM audit_log ORDER BY id DESC LIMIT 1");
    expect(audit).toEqual({ action: "auth.sign_out", entity_id: a.sid });

    await openSession(db.db, { userId: 1, ...meta });
    await revokeSessionsOf(db.db, 1);
    const [open] = await db.exec("SELECT count(*)::int AS n FROM user_sessions WHERE revoked_at IS NULL");
    expect(open?.n).toBe(0);
  });

  it("a second sign-out of the same session (button, then next-auth's route) is audited once", async () => {
    const a = await openSession(db.db, { userId: 1, ...meta });
    await closeSession(db.db, { sid: a.sid, ...meta });
    await closeSession(db.db, { sid: a.sid, ...meta });
    const [n] = await db.exec(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign_out' AND entity_id = $1",
      [a.sid],
    );
    expect(n?.n).toBe(1);
  });

  // issue 9 §6: a password change ends every other session of the account, not the one in use
  it("changing one's password revokes the account's other sessions and keeps the current one", async () => {
    await db.exec("UPDATE users SET password_hash = $1 WHERE id = 1", [await hashPassword("Old#pass2026x")]);
    const here = await openSession(db.db, { userId: 1, ...meta });
    const elsewhere = await openSession(db.db, { userId: 1, ...meta });
    await changePassword(
      { db: db.db, actor: { id: 1, sessionId: here.sid }, meta },
      { current: "Old#pass2026x", next: "New#pass2026y" },
    );
    const rows = await db.exec(
      "SELECT id, revoked_at IS NOT NULL AS revoked FROM user_sessions WHERE id IN ($1, $2)",
      [here.sid, elsewhere.sid],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.revoked]))).toEqual({
      [here.sid]: false,
      [elsewhere.sid]: true,
    });
  });
});

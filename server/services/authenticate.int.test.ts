import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { verifyAuditChain } from "../audit";
import { hashPassword } from "../credentials/password";
import { authenticate, SIGN_IN_REFUSED } from "./authenticate";

let db: TestDatabase;
const PASSWORD = "Correct#2026x";
const t0 = new Date("2026-11-23T02:00:00Z");
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

beforeAll(async () => {
  db = await createTestDatabase();
  const hash = await hashPassword(PASSWORD);
  await db.exec(
    `INSERT INTO users (id, username, display_name, password_hash, must_change_password, status) VALUES
       (1, 'reviewer', '审核员', $1, false, 'active'), (2, 'gone', '已停用', $1, false, 'disabled')`,
    [hash],
  );
  await db.exec("INSERT INTO user_roles (user_id, role) VALUES (1, 'reviewer'), (2, 'operator')");
});
afterAll(() => db.dispose());

const signIn = (username: string, password: string, now: Date) =>
  authenticate({ db: db.db, username, password, ip: "203.0.113.5", userAgent: "vitest", now });

describe("credentials sign-in (DOMAIN §11)", () => {
  it("signs in with the right password and records it", async () => {
    const r = await signIn("reviewer", PASSWORD, t0);
    expect(r).toMatchObject({ ok: true, user: { username: "reviewer", roles: ["reviewer"] } });
    const [a] = await db.exec("SELECT action, outcome, ip FROM audit_log ORDER BY id DESC LIMIT 1");
    expect(a).toEqual({ action: "auth.sign_in", outcome: "success", ip: "203.0.113.5" });
  });

  it("locks after 5 failures for 30 minutes, refusing even the right password meanwhile", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await signIn("reviewer", "wrong-password-1A", later(1)));
    expect(results.every((r) => !r.ok && r.message === SIGN_IN_REFUSED)).toBe(true);
    const actions = await db.exec("SELECT action FROM audit_log WHERE actor_id = 1 ORDER BY id DESC LIMIT 5");
    expect(actions.map((a) => a.action)).toEqual(["auth.locked", ...Array(4).fill("auth.sign_in_failed")]);

    expect(await signIn("reviewer", PASSWORD, later(30))).toEqual({ ok: false, message: SIGN_IN_REFUSED });
    expect((await signIn("reviewer", PASSWORD, later(32))).ok).toBe(true);
    expect(await db.exec("SELECT * FROM sign_in_throttle WHERE scope = 'user:1'")).toEqual([]);
  });

  it("issue 20 N14: five failures from one address lock the account for that address only", async () => {
    const from = (ip: string, password: string, at: Date) =>
      authenticate({ db: db.db, username: "reviewer", password, ip, userAgent: "vitest", now: at });
    for (let i = 0; i < 5; i++) await from("198.51.100.66", "wrong-password-1A", later(40));
    // the attacker's address is locked out, the company's own is not
    expect((await from("198.51.100.66", PASSWORD, later(41))).ok).toBe(false);
    expect((await from("203.0.113.77", PASSWORD, later(41))).ok).toBe(true);
    const [row] = await db.exec(
      "SELECT failed_attempts, locked_until IS NOT NULL AS locked FROM sign_in_throttle WHERE scope = 'user:1' AND address = '198.51.100.66'",
    );
    expect(row).toEqual({ failed_attempts: 5, locked: true });
  });

  it("issue 20 N14: five wrong passwords sent at once from one address count five times and lock it", async () => {
    const at = later(45);
    await Promise.all(
      Array.from({ length: 5 }, () =>
        authenticate({
          db: db.db,
          username: "reviewer",
          password: "wrong-password-1A",
          ip: "198.51.100.99",
          now: at,
        }),
      ),
    );
    const [row] = await db.exec(
      "SELECT failed_attempts, locked_until IS NOT NULL AS locked FROM sign_in_throttle WHERE scope = 'user:1' AND address = '198.51.100.99'",
    );
    expect(row).toEqual({ failed_attempts: 5, locked: true });
  });

  it("issue 20 N14: failures spread over many addresses back the account off, slowly", async () => {
    const from = (i: number, password: string, at: Date) =>
      authenticate({
        db: db.db,
        username: "reviewer",
        password,
        ip: `192.0.2.${i}`,
        userAgent: "vitest",
        now: at,
      });
    for (let i = 0; i < 20; i++) await from(i, "wrong-password-1A", later(50));
    // the 20th failure holds the account back a second from the addresses that failed — not from a clean one
    expect((await from(0, PASSWORD, later(50))).ok).toBe(false);
    expect((await from(100, PASSWORD, later(50))).ok).toBe(true);
  });

  it("answers an unknown account exactly as a wrong password, and audits the attempt", async () => {
    expect(await signIn("nobody", PASSWORD, t0)).toEqual({ ok: false, message: SIGN_IN_REFUSED });
    const [a] = await db.exec("SELECT action, actor_id, actor_name FROM audit_log ORDER BY id DESC LIMIT 1");
    expect(a).toEqual({ action: "auth.sign_in_failed", actor_id: null, actor_name: "nobody" });
  });

  it("refuses a disabled account with the right password", async () => {
    expect(await signIn("gone", PASSWORD, t0)).toEqual({ ok: false, message: SIGN_IN_REFUSED });
  });

  it("leaves the audit chain intact", async () => {
    const v = await verifyAuditChain(db.exec);
    expect(v.intact).toBe(true);
    expect(v.rows).toBeGreaterThan(8);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import type { CurrentUser } from "../../auth/guard";
import { confirmContact, requestContactCode, saveNotifyPrefs } from "./contacts";
import { deliverDue } from "./deliver";

/** Issue 22 §2, §5: an address is the account's once its code comes back; notices keep a channel besides 站内信. */
let db: TestDatabase;
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const me: CurrentUser = testActor({ id: 1, departmentId: 1, role: "reviewer" });
const ctx = (actor: CurrentUser) => ({ db: db.db, actor, meta, today: "2026-12-02" });
const user = async () =>
  (
    await db.exec(
      "SELECT email, email_verified_at IS NOT NULL AS verified, notify_prefs AS prefs FROM users WHERE id = 1",
    )
  )[0];
const lastCode = async () =>
  String(
    (
      await db.exec(
        "SELECT payload->>'code' AS code FROM outbox WHERE template = 'verify_code' ORDER BY id DESC LIMIT 1",
      )
    )[0]?.code,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await insertProvinceDepartment(db);
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (1, 'rv1', '审核员甲', 'x', 1, '360000')",
  );
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db?.dispose();
});

describe("verified notice addresses (issue 22 §2)", () => {
  it("a code goes out through the outbox; a wrong one counts, the right one verifies the address", async () => {
    await requestContactCode(ctx(me), { channel: "email", address: "rv1@example.cn" });
    const code = await lastCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(await user()).toMatchObject({ email: null, verified: false });

    const wrong = code === "000000" ? "111111" : "000000";
    await expect(confirmContact(ctx(me), { channel: "email", code: wrong })).rejects.toMatchObject({
      message: "验证码不正确。",
    });
    expect(
      Number(
        (await db.exec("SELECT attempts FROM contact_verifications ORDER BY id DESC LIMIT 1"))[0]?.attempts,
      ),
    ).toBe(1);
    expect(await confirmContact(ctx(me), { channel: "email", code })).toContain("rv1@example.cn");
    expect(await user()).toMatchObject({ email: "rv1@example.cn", verified: true });
    // a code works once
    await expect(confirmContact(ctx(me), { channel: "email", code })).rejects.toMatchObject({
      message: "验证码已失效，请重新获取。",
    });
  });

  it("five wrong tries end a code; the sent code is not kept in the outbox once delivered", async () => {
    await requestContactCode(ctx(me), { channel: "sms", address: "13907910001" });
    const code = await lastCode();
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++)
      await expect(confirmContact(ctx(me), { channel: "sms", code: wrong })).rejects.toThrow();
    await expect(confirmContact(ctx(me), { channel: "sms", code })).rejects.toMatchObject({
      message: "验证码已失效，请重新获取。",
    });
    await deliverDue(db.db, {
      senders: {
        email: async () => ({ answer: "250 OK", proves: true }),
        sms: async () => ({ answer: "200", proves: true }),
      },
      now: () => new Date(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T03:00:00Z`),
    });
    const kept = await db.exec("SELECT payload->>'code' AS code FROM outbox WHERE template = 'verify_code'");
    expect(kept.map((k) => k.code)).toEqual(["******", "******"]);
  });

  it("at most five codes an hour", async () => {
    for (let i = 0; i < 3; i++)
      await requestContactCode(ctx(me), { channel: "email", address: "rv1@example.cn" });
    await expect(
      requestContactCode(ctx(me), { channel: "email", address: "rv1@example.cn" }),
    ).rejects.toMatchObject({
      message: "验证码发送过于频繁，请一小时后再试。",
    });
  });
});

describe("channel preferences (issue 22 §5)", () => {
  it("a notice keeps a verified channel besides 站内信; other kinds may go by 站内信 alone", async () => {
    await expect(saveNotifyPrefs(ctx(me), { notice: { email: false, sms: false } })).rejects.toMatchObject({
      message: expect.stringContaining("至少通过一种"),
    });
    await saveNotifyPrefs(ctx(me), {
      notice: { email: true, sms: true },
      progress: { email: false, sms: false },
    });
    // SMS is not verified here: only the e-mail choice is kept
    expect((await user())?.prefs).toEqual({ notice: { email: true }, progress: { email: false } });
  });
});

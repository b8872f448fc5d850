import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { seriousWagePenalty } from "@/db/testing/penalty";
import { insertProvinceDepartment } from "@/db/testing/province";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import type { CurrentUser } from "../../auth/guard";
import { DeliveryFailed, type Senders, webhookSender } from "../../notify/senders";
import { deliverDue, WEBHOOK_PAUSE_AFTER } from "./deliver";
import { tellFollowersOfRecords } from "./followers";
import { registerWebhook, resumeWebhook } from "./webhooks";

/** Issue 22 §2: a follower's webhook — signed, retried after a 500, its history kept, paused when it keeps failing. */
let db: TestDatabase;
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const follower: CurrentUser = {
  ...testActor({ id: 9, departmentId: 0, role: "business" }),
  departmentId: null,
  subjectId: 2,
};
const ctx = (actor: CurrentUser) => ({ db: db.db, actor, meta, today: "2026-12-02" });
const none: Senders = {
  email: () => Promise.reject(new DeliveryFailed("-")),
  sms: () => Promise.reject(new DeliveryFailed("-")),
};
const later = (s: number) => () => new Date(Date.now() + s * 1000);
let receiver: Server;
let base = "";
let answers: (number | "hang")[] = [];
const got: { body: string; ok: boolean }[] = [];
let secret = "";
let hookId = 0;
let penaltyNo = 0;

const newPenalty = async (disclosable = true) => {
  penaltyNo += 1;
  await seriousWagePenalty(db, {
    subjectId: 1,
    name: "赣江样例建设有限公司（演示）",
    decisionNo: `洪人社罚〔2026〕${penaltyNo}号`,
  });
  const [r] = await db.exec("SELECT max(id) AS id FROM penalties");
  const id = Number(r?.id);
  if (!disclosable) await db.exec("UPDATE penalties SET disclosable = false WHERE id = $1", [id]);
  await db.db.transaction((tx) =>
    tellFollowersOfRecords(tx, { kind: "penalty", ids: [id], today: "2026-12-02" }),
  );
  return id;
};
const history = () =>
  db.exec("SELECT state::text AS state, attempts, answer FROM outbox WHERE webhook_id = $1 ORDER BY id", [
    hookId,
  ]);

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await insertProvinceDepartment(db);
  await db.exec(
    `INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES
     (1, 'p1', 'legal_person', $1, '赣江样例建设有限公司（演示）', '360000'),
     (2, 'p2', 'legal_person', $2, '抚河样例贸易有限公司（演示）', '360000')`,
    [withUsccCheckChar("91360100MA3CAXW01"), withUsccCheckChar("91360100MA3CAXW02")],
  );
  await db.exec(
    "INSERT INTO users (id, username, display_name, password_hash, region_code, subject_id) VALUES (9, 'biz', '抚河经办', 'x', '360000', 2)",
  );
  await db.exec("INSERT INTO watchlist (user_id, subject_id, added_on) VALUES (9, 1, '2026-11-01')");
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const expected = `sha256=${createHmac("sha256", secret).update(`${req.headers["x-timestamp"]}.${body}`).digest("hex")}`;
      got.push({ body, ok: req.headers["x-signature"] === expected });
      const a = answers.shift() ?? 200;
      if (a === "hang") return;
      res.writeHead(a);
      res.end(a === 200 ? "ok" : "busy");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((r) => receiver.close(() => r()));
  serveQueriesFrom(null);
  await db?.dispose();
});

describe("followers' webhooks (issue 22 §2)", () => {
  it("is registered as HTTPS to a public host only; the secret is returned once", async () => {
    await expect(registerWebhook(ctx(follower), { url: "http://hooks.example.cn/x" })).rejects.toMatchObject({
      message: "只能使用 https:// 开头的地址。",
    });
    await expect(registerWebhook(ctx(follower), { url: "https://192.168.1.20/x" })).rejects.toMatchObject({
      message: "不能推送到内网、本机或保留地址。",
    });
    const r = await registerWebhook(ctx(follower), { url: "https://hooks.example.cn/credit" });
    expect(r.secret).toMatch(/^[0-9a-f]{48}$/);
    secret = r.secret;
    hookId = r.id;
  });

  it("the default sender refuses a private address however it is written (no SSRF), and does not retry it", async () => {
    await db.exec("UPDATE webhooks SET url = $1 WHERE id = $2", ["https://127.0.0.1:9/x", hookId]);
    await newPenalty();
    await deliverDue(db.db, { senders: { ...none, webhook: webhookSender() } });
    expect((await history())[0]).toMatchObject({ state: "failed", answer: expect.stringContaining("内网") });
    expect(got).toHaveLength(0);
  });

  it("a new public record is pushed, signed; a 500 is retried and then delivered, each answer kept", async () => {
    await db.exec("UPDATE webhooks SET url = $1, failures = 0 WHERE id = $2", [`${base}/hook`, hookId]);
    answers = [500];
    await newPenalty();
    const senders = { ...none, webhook: webhookSender({ allowPrivate: true }) };
    await deliverDue(db.db, { senders });
    expect((await history())[1]).toMatchObject({
      state: "pending",
      attempts: 1,
      answer: expect.stringContaining("500"),
    });
    await deliverDue(db.db, { senders, now: later(31) });
    expect((await history())[1]).toMatchObject({ state: "delivered", attempts: 2, answer: "200 ok" });
    expect(got.map((g) => g.ok)).toEqual([true, true]);
    const body = JSON.parse(got[1]?.body ?? "{}");
    expect(body).toMatchObject({
      event: "follow_record",
      data: { what: "新增行政处罚", caseNo: `洪人社罚〔2026〕${penaltyNo}号` },
    });
  });

  it("a record that is not public is pushed to nobody", async () => {
    const before = (await history()).length;
    await newPenalty(false);
    expect(await history()).toHaveLength(before);
  });

  it("a receiver that does not answer within 10 s is a failure to retry", async () => {
    answers = ["hang"];
    await newPenalty();
    await deliverDue(db.db, { senders: { ...none, webhook: webhookSender({ allowPrivate: true }) } });
    expect((await history()).at(-1)).toMatchObject({ state: "pending", answer: "推送地址 10 秒内未答复" });
  }, 20_000);

  it(`after ${WEBHOOK_PAUSE_AFTER} failures in a row the webhook is paused and its owner told; resumed, it pushes again`, async () => {
    await db.exec("UPDATE webhooks SET failures = $1 WHERE id = $2", [WEBHOOK_PAUSE_AFTER - 2, hookId]);
    answers = [503, 503];
    const senders = { ...none, webhook: webhookSender({ allowPrivate: true }) };
    await deliverDue(db.db, { senders, now: later(31) });
    await newPenalty();
    await deliverDue(db.db, { senders, now: later(120) });
    const [w] = await db.exec("SELECT status::text AS status, paused_reason FROM webhooks WHERE id = $1", [
      hookId,
    ]);
    expect(w).toMatchObject({
      status: "paused",
      paused_reason: expect.stringContaining(`连续 ${WEBHOOK_PAUSE_AFTER} 次投递失败`),
    });
    expect(
      await db.exec("SELECT template FROM outbox WHERE recipient_user_id = 9 AND channel = 'inbox'"),
    ).toEqual([{ template: "webhook_paused" }]);
    // nothing new is queued for a paused webhook
    const queued = (await history()).length;
    await newPenalty();
    expect(await history()).toHaveLength(queued);
    await resumeWebhook(ctx(follower), { id: hookId });
    await newPenalty();
    await deliverDue(db.db, { senders, now: later(200) });
    expect((await history()).at(-1)).toMatchObject({ state: "delivered" });
  });
});

import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { seriousWagePenalty } from "@/db/testing/penalty";
import { createTestDatabase, type TestDatabase, testEngine } from "@/db/testing/test-database";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import type { CurrentUser } from "../../auth/guard";
import { forgetCalendar } from "../../calendar";
import { DeliveryFailed, httpSmsSender, type Senders, smtpSender } from "../../notify/senders";
import { acknowledgeListNotice, decideListing, proposeListing } from "../cases/list-decisions";
import { deliverDue, LEASE_MS } from "./deliver";

/**
 * Issue 22 "Must show", on both engines: the 告知's messages are written in the step's transaction; a worker
 * killed mid-delivery loses nothing; two workers deliver each message once; real SMTP and a signed SMS gateway.
 */
let db: TestDatabase;
const TODAY = "2026-12-02";
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const operator = testActor({ id: 1, departmentId: 1, role: "operator" });
const reviewer = testActor({ id: 2, departmentId: 1, role: "reviewer" });
const ctx = (actor: CurrentUser, today = TODAY) => ({ db: db.db, actor, meta, today });
const uscc = (n: number) => withUsccCheckChar(`91360100MA3CBX${String(n).padStart(3, "0")}`);
const businessOf = (subjectId: number): CurrentUser => ({
  ...testActor({ id: 100 + subjectId, departmentId: 0, role: "business" }),
  departmentId: null,
  subjectId,
});
const SUBJECTS = 40;
const noSenders: Senders = {
  email: () => Promise.reject(new DeliveryFailed("no e-mail in this test")),
  sms: () => Promise.reject(new DeliveryFailed("no SMS in this test")),
};
const rows = (sql: string, p: unknown[] = []) => db.exec(sql, p);
const n = async (sql: string, p: unknown[] = []) => Number((await db.exec(sql, p))[0]?.n);
const proposal = (subjectId: number) => ({
  subjectId,
  listId: 1,
  facts: "拖欠农民工工资，经责令限期支付逾期未支付。",
  basis: "《保障农民工工资支付条例》第四十八条",
  basisDecisionNos: [`洪人社罚〔2026〕${subjectId}号`],
});
const propose = async (subjectId: number) => (await proposeListing(ctx(operator), proposal(subjectId))).id;

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetCalendar();
  await db.exec(
    "INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province'), ('360100', '南昌市', 'city')",
  );
  await db.exec(
    `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level) VALUES
     (1, 'hrss', '江西省人力资源和社会保障厅', '省人社厅', '11360000MB1234567X', '360000', 'province')`,
  );
  await db.exec(
    `INSERT INTO credit_lists (id, kind, name, owner_dept_id, legal_basis, validity_months) VALUES
     (1, 'serious_dishonesty', '拖欠农民工工资失信联合惩戒对象名单', 1, '《保障农民工工资支付条例》第四十八条', 36)`,
  );
  for (let id = 1; id <= SUBJECTS; id++) {
    await db.exec(
      "INSERT INTO subjects (id, public_id, kind, uscc, name, region_code) VALUES ($1, $2, 'legal_person', $3, $4, '360100')",
      [id, `p${id}`, uscc(id), `样例${id}号建筑劳务有限公司（演示）`],
    );
    await seriousWagePenalty(db, {
      subjectId: id,
      name: `样例${id}号建筑劳务有限公司（演示）`,
      decisionNo: `洪人社罚〔2026〕${id}号`,
    });
  }
  for (const u of [operator, reviewer])
    await db.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES ($1, $2, $3, 'x', $4, '360000')",
      [u.id, u.username, u.displayName, u.departmentId],
    );
  // every company has a portal account with a verified e-mail address; subject 3 also a verified phone
  for (let id = 1; id <= SUBJECTS; id++) {
    const b = businessOf(id);
    await db.exec(
      `INSERT INTO users (id, username, display_name, password_hash, region_code, subject_id, email, email_verified_at, phone, phone_verified_at)
       VALUES ($1, $2, $3, 'x', '360000', $4, $5, now(), $6, $7)`,
      [
        b.id,
        b.username,
        b.displayName,
        id,
        `c${id}@example.cn`,
        "13800000003",
        id === 3 ? "2026-12-01T02:00:00Z" : null,
      ],
    );
  }
});
afterAll(async () => {
  serveQueriesFrom(null);
  forgetCalendar();
  await db?.dispose();
});

describe("the transactional outbox (issue 22 §1)", () => {
  it("a 告知 writes its messages with the step; rolled back, the step leaves no message either", async () => {
    const id = await propose(1);
    const written = await rows(
      "SELECT channel::text AS channel, address FROM outbox WHERE dedupe_key LIKE $1 ORDER BY id",
      [`list:${id}:%`],
    );
    expect(written).toEqual([
      { channel: "inbox", address: null },
      { channel: "email", address: "c1@example.cn" },
    ]);

    // the step fails after its messages were written: none of it stays
    await db.exec(`CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.payload->>'facts' = 'ROLLBACK' THEN RAISE EXCEPTION 'test rollback'; END IF; RETURN NEW; END $$`);
    await db.exec(
      "CREATE TRIGGER refuse_outbox AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_outbox()",
    );
    try {
      await expect(proposeListing(ctx(operator), { ...proposal(2), facts: "ROLLBACK" })).rejects.toThrow();
    } finally {
      await db.exec("DROP TRIGGER refuse_outbox ON outbox");
      await db.exec("DROP FUNCTION refuse_outbox()");
    }
    expect(await n("SELECT count(*) AS n FROM list_entries WHERE subject_id = 2")).toBe(0);
    expect(await n("SELECT count(*) AS n FROM notices WHERE subject_id = 2")).toBe(0);
    expect(await n("SELECT count(*) AS n FROM outbox WHERE payload->>'facts' = 'ROLLBACK'")).toBe(0);
  });

  it("a refused step writes no message", async () => {
    const before = await n("SELECT count(*) AS n FROM outbox");
    // subject 1 has an open proposal already
    await expect(propose(1)).rejects.toThrow();
    expect(await n("SELECT count(*) AS n FROM outbox")).toBe(before);
  });

  it("the 站内信 is delivered once, whatever the retries; its read-in-portal signature serves the 告知", async () => {
    const id = await propose(4);
    await deliverDue(db.db, { senders: noSenders });
    const inbox = () =>
      rows("SELECT title, read_at FROM inbox_messages WHERE user_id = $1", [businessOf(4).id]);
    expect(await inbox()).toEqual([
      { title: expect.stringContaining("拟将贵单位列入拖欠农民工工资失信联合惩戒对象名单"), read_at: null },
    ]);
    // a message delivered again (a worker that died before writing its outcome) is still one 站内信
    await db.exec("UPDATE outbox SET state = 'pending', claimed_until = NULL WHERE dedupe_key = $1", [
      `list:${id}:notified|user:${businessOf(4).id}|inbox`,
    ]);
    await deliverDue(db.db, { senders: noSenders });
    expect(await inbox()).toHaveLength(1);

    await acknowledgeListNotice(ctx(businessOf(4), "2026-12-03"), { id });
    const [notice] = await rows(
      "SELECT served_on::text AS served_on, service_method::text AS method FROM notices WHERE case_id = $1",
      [id],
    );
    expect(notice).toEqual({ served_on: "2026-12-03", method: "portal" });
    // signing marks the message read; the deadline runs 5 working days from the service
    expect((await inbox())[0]?.read_at).not.toBeNull();
    const [entry] = await rows("SELECT statement_deadline::text AS d FROM list_entries WHERE id = $1", [id]);
    expect(entry?.d).toBe("2026-12-10");
  });

  it("a worker killed mid-delivery loses nothing: after its lease the next worker delivers the message", async () => {
    await propose(5);
    const sent: string[] = [];
    // the first worker hangs inside the SMTP call and is never heard of again (kill -9)
    const hung: Senders = { ...noSenders, email: () => new Promise(() => {}) };
    void deliverDue(db.db, { senders: hung });
    await new Promise((r) => setTimeout(r, 300));
    const pending = () =>
      rows("SELECT state::text AS state, claimed_until FROM outbox WHERE address = 'c5@example.cn'");
    expect((await pending())[0]).toMatchObject({ state: "pending", claimed_until: expect.anything() });

    const working: Senders = {
      ...noSenders,
      email: async (m) => {
        sent.push(m.to);
        return { answer: "250 OK", proves: false };
      },
    };
    // before the lease ends, another worker leaves it alone
    await deliverDue(db.db, { senders: working });
    expect(sent).not.toContain("c5@example.cn");
    // after it, the message is taken over and delivered, once
    await deliverDue(db.db, { senders: working, now: () => new Date(Date.now() + LEASE_MS + 1_000) });
    expect(sent.filter((a) => a === "c5@example.cn")).toEqual(["c5@example.cn"]);
    expect((await pending())[0]?.state).toBe("delivered");
  });

  // a real worker process killed with SIGKILL while it holds a message: PostgreSQL only (PGlite is one process's)
  it.skipIf(testEngine() !== "postgres")(
    "kill -9 of `npm run worker` mid-delivery: the message is delivered once afterwards, nothing lost",
    async () => {
      await propose(8);
      // an SMTP server that accepts the connection and never answers: the worker hangs inside the delivery
      const stall = createNetServer(() => {});
      await new Promise<void>((r) => stall.listen(0, "127.0.0.1", () => r()));
      const port = (stall.address() as AddressInfo).port;
      const child = spawn(
        process.execPath,
        ["--conditions", "react-server", "--import", "tsx", "scripts/worker.ts"],
        {
          env: {
            ...process.env,
            DATABASE_URL: db.url,
            SMTP_URL: `smtp://127.0.0.1:${port}`,
            OUTBOX_WORKER: "off",
          },
          stdio: "ignore",
        },
      );
      const mine = () =>
        rows(
          "SELECT state::text AS state, claimed_until, attempts FROM outbox WHERE address = 'c8@example.cn'",
        );
      try {
        for (let i = 0; i < 100 && !(await mine())[0]?.claimed_until; i++)
          await new Promise((r) => setTimeout(r, 200));
        expect((await mine())[0]).toMatchObject({ state: "pending", claimed_until: expect.anything() });
      } finally {
        child.kill("SIGKILL");
        stall.close();
      }
      await new Promise((r) => child.once("exit", r));
      const sent: string[] = [];
      const working: Senders = {
        ...noSenders,
        email: async (m) => {
          sent.push(m.to);
          return { answer: "250 OK", proves: false };
        },
      };
      await deliverDue(db.db, { senders: working, now: () => new Date(Date.now() + LEASE_MS + 1_000) });
      expect(sent.filter((a) => a === "c8@example.cn")).toEqual(["c8@example.cn"]);
      expect((await mine())[0]).toMatchObject({ state: "delivered", attempts: 1 });
    },
    60_000,
  );

  it("two workers at once deliver each message exactly once", async () => {
    for (let s = 10; s <= 29; s++) await propose(s);
    const sent: string[] = [];
    const slow: Senders = {
      ...noSenders,
      email: async (m) => {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.to);
        return { answer: "250 OK", proves: false };
      },
    };
    const drain = async () => {
      for (let i = 0; i < 10; i++) await deliverDue(db.db, { senders: slow, limit: 7 });
    };
    await Promise.all([drain(), drain()]);
    const mine = Array.from({ length: 20 }, (_, i) => `c${i + 10}@example.cn`);
    expect(sent.filter((a) => mine.includes(a)).sort()).toEqual([...mine].sort());
    expect(
      await n(
        "SELECT count(*) AS n FROM inbox_messages m JOIN users u ON u.id = m.user_id WHERE u.subject_id BETWEEN 10 AND 29",
      ),
    ).toBe(20);
  });
});

describe("channels (issue 22 §2)", () => {
  let smtp: SMTPServer;
  let smtpPort = 0;
  const mails: string[] = [];
  let gateway: Server;
  let gatewayUrl = "";
  const KEY = "gateway-key-for-tests-0123456789";
  let answers: number[] = [];
  const received: { to: string; text: string; signatureOk: boolean }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        let raw = "";
        stream.setEncoding("utf8");
        stream.on("data", (c: string) => {
          raw += c;
        });
        stream.on("end", () => {
          mails.push(raw);
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    gateway = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        const ts = String(req.headers["x-timestamp"]);
        const expected = `sha256=${createHmac("sha256", KEY).update(`${ts}.${body}`).digest("hex")}`;
        const status = answers.shift() ?? 200;
        const parsed = JSON.parse(body) as { to: string; text: string };
        received.push({
          to: parsed.to,
          text: parsed.text,
          signatureOk: req.headers["x-signature"] === expected,
        });
        res.writeHead(status, { "content-type": "application/json" });
        res.end(status === 200 ? '{"messageId":"gw-1"}' : '{"error":"busy"}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, "127.0.0.1", () => r()));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => gateway.close(() => r()));
  });

  it("e-mail through a real SMTP server carries the case number and the defence period, and serves the 告知", async () => {
    const { id, caseNo } = await proposeListing(ctx(operator), proposal(6));
    const senders: Senders = {
      ...noSenders,
      email: smtpSender(`smtp://127.0.0.1:${smtpPort}`, "信用江西 <noreply@example.cn>"),
    };
    const r = await deliverDue(db.db, { senders });
    expect(r.delivered).toBeGreaterThanOrEqual(2);
    const mail = mails.find((m) => m.includes("c6@example.cn"));
    expect(mail).toBeDefined();
    const decoded = decodeMail(mail ?? "");
    expect(decoded).toContain(caseNo);
    expect(decoded).toContain("送达之日起 5 个工作日内");
    // the server's acceptance is the service: the period runs from today
    const [notice] = await rows(
      "SELECT service_method::text AS method, service_note FROM notices WHERE case_id = $1",
      [id],
    );
    expect(notice).toEqual({ method: "email", service_note: expect.stringContaining("c6@example.cn") });
    const [entry] = await rows("SELECT statement_deadline FROM list_entries WHERE id = $1", [id]);
    expect(entry?.statement_deadline).not.toBeNull();
  });

  it("an unreachable SMTP server leaves the message waiting with its reason; the step itself stands", async () => {
    const id = await propose(7);
    const senders: Senders = { ...noSenders, email: smtpSender("smtp://127.0.0.1:9", "x <x@example.cn>") };
    await deliverDue(db.db, { senders });
    const [m] = await rows(
      "SELECT state::text AS state, attempts, answer, next_attempt_at > now() AS later FROM outbox WHERE address = 'c7@example.cn'",
    );
    expect(m).toMatchObject({
      state: "pending",
      attempts: 1,
      later: true,
      answer: expect.stringContaining("邮件服务器未接收"),
    });
    expect(
      await n("SELECT count(*) AS n FROM list_entries WHERE id = $1 AND status = 'notified'", [id]),
    ).toBe(1);
  });

  it("SMS through the HTTP gateway is signed; a 500 is retried later and then delivered", async () => {
    await propose(3);
    // 11:00 in China, a day after the message was written: no quiet hours
    const day = new Date(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T03:00:00Z`);
    answers = [500];
    const senders: Senders = { ...noSenders, sms: httpSmsSender(gatewayUrl, KEY) };
    await deliverDue(db.db, { senders, now: () => day });
    const sms = () =>
      rows(
        "SELECT state::text AS state, attempts, answer FROM outbox WHERE channel = 'sms' AND address = '13800000003'",
      );
    expect((await sms())[0]).toMatchObject({
      state: "pending",
      attempts: 1,
      answer: expect.stringContaining("500"),
    });
    await deliverDue(db.db, { senders, now: () => new Date(day.getTime() + 31_000) });
    expect((await sms())[0]).toMatchObject({ state: "delivered", attempts: 2 });
    expect(received.map((r) => r.signatureOk)).toEqual([true, true]);
    expect(received[1]?.text).toMatch(/^【信用江西】.*MD\d{14}.*5个工作日/);
  });

  it("an SMS due at night waits for 08:00 China time", async () => {
    await decideListing(ctx(reviewer, "2026-12-20"), {
      id: (await rows("SELECT id FROM list_entries WHERE subject_id = 3"))[0]?.id as number,
      event: "drop",
      note: "已全部支付",
    });
    const night = new Date("2026-12-20T15:00:00Z"); // 23:00 in China
    const senders: Senders = { ...noSenders, sms: httpSmsSender(gatewayUrl, KEY) };
    const before = received.length;
    await deliverDue(db.db, { senders, now: () => night });
    expect(received.length).toBe(before);
    const [m] = await rows(
      "SELECT next_attempt_at FROM outbox WHERE channel = 'sms' AND template = 'list_dropped' AND state = 'pending'",
    );
    expect(new Date(String(m?.next_attempt_at)).toISOString()).toBe("2026-12-21T00:00:00.000Z");
  });
});

/** The text parts of a raw message, quoted-printable or base64 undone. */
function decodeMail(raw: string): string {
  const qp = raw
    .replace(/=\r?\n/g, "")
    .replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ""), "hex").toString("utf8"));
  const b64 = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)]
    .map((m) => Buffer.from((m[1] ?? "").replace(/\s/g, ""), "base64").toString("utf8"))
    .join("\n");
  return `${qp}\n${b64}`;
}

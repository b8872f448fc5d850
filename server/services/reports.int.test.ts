import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { chinaDate } from "@/lib/calendar/dates";
import { seedDemo } from "../../scripts/seed/index";
import { fileMatches, originalReport, verifyReport } from "../queries/report-verification";
import { issueOwnReport, issueReport } from "./reports";

let db: TestDatabase;
const today = chinaDate(new Date());

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await seedDemo(db, { subjects: 300, seed: 17, anchor: today, piiKey: "reports-test-key-0123456789" });
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

describe("credit reports (DOMAIN §10, issue 13 §1–§2) on this engine", () => {
  it("a report is numbered, stored with its hash and snapshot, and verifies only with its code and its own bytes", async () => {
    const [s] = await db.exec(
      "SELECT uscc, name FROM subjects WHERE kind = 'legal_person' ORDER BY id LIMIT 1",
    );
    const r = await issueReport(db.db, {
      code: { kind: "uscc", code: String(s?.uscc), canonical: true },
      edition: "public",
      today,
    });
    if ("refused" in r) throw new Error("refused");
    expect(r.reportNo).toMatch(new RegExp(`^XY${today.replaceAll("-", "")}\\d{6}$`));
    expect(r.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const [row] = await db.exec(
      "SELECT sha256, code_hash, bytes, edition::text AS edition, snapshot->>'name' AS name FROM credit_reports WHERE report_no = $1",
      [r.reportNo],
    );
    expect(row).toEqual({
      sha256: createHash("sha256").update(r.pdf).digest("hex"),
      code_hash: createHash("sha256").update(r.code).digest("hex"),
      bytes: r.pdf.length,
      edition: "public",
      name: s?.name,
    });
    const v = await verifyReport({
      db: db.db,
      reportNo: r.reportNo,
      code: `${r.code.slice(0, 4)}-${r.code.slice(4).toLowerCase()}`,
    });
    expect(v).toMatchObject({ ok: true, subjectName: s?.name });
    if (!v.ok) throw new Error("not verified");
    expect(fileMatches(v, r.pdf)).toBe(true);
    const altered = Buffer.from(r.pdf);
    altered[100] = (altered[100] ?? 0) ^ 1;
    expect(fileMatches(v, altered)).toBe(false);
    const wrong = await verifyReport({ db: db.db, reportNo: r.reportNo, code: "2222-2222" });
    const unknown = await verifyReport({ db: db.db, reportNo: "XY20990101000001", code: r.code });
    expect(wrong).toEqual(unknown);
    expect(wrong.ok).toBe(false);
  });

  it("a natural person gets no report", async () => {
    const [p] = await db.exec(
      "SELECT public_id FROM subjects WHERE kind = 'natural_person' ORDER BY id LIMIT 1",
    );
    const r = await issueReport(db.db, {
      code: { kind: "public_id", id: String(p?.public_id) },
      edition: "public",
      today,
    });
    expect(r).toEqual({ refused: "natural_person" });
  });

  it("the business's own copy is stored as such, for its own subject", async () => {
    const [b] = await db.exec("SELECT id, subject_id FROM users WHERE username = 'business'");
    const actor = {
      ...testActor({ id: Number(b?.id), departmentId: 1, role: "business" }),
      departmentId: null,
      subjectId: Number(b?.subject_id),
    };
    const r = await issueOwnReport({
      db: db.db,
      actor,
      meta: { ip: "203.0.113.40", userAgent: null },
      today,
    });
    const [row] = await db.exec(
      "SELECT edition::text AS edition, subject_id, requested_by, snapshot ? 'privateRecords' AS has_private FROM credit_reports WHERE report_no = $1",
      [r.reportNo],
    );
    expect(row).toMatchObject({ edition: "own", requested_by: Number(b?.id), has_private: true });
    expect(Number(row?.subject_id)).toBe(Number(b?.subject_id));
  });

  it("issue 20 N5: a match hands back what the report says and the stored PDF itself, byte for byte", async () => {
    const [s] = await db.exec(
      `SELECT s.uscc, s.name, p.decision_no FROM subjects s JOIN penalties p ON p.subject_id = s.id
       WHERE s.kind = 'legal_person' AND p.status = 'active' AND p.disclosable AND p.public_until >= $1
       ORDER BY s.id DESC LIMIT 1`,
      [today],
    );
    const r = await issueReport(db.db, {
      code: { kind: "uscc", code: String(s?.uscc), canonical: true },
      edition: "public",
      today,
    });
    if ("refused" in r) throw new Error("refused");
    const v = await verifyReport({ db: db.db, reportNo: r.reportNo, code: r.code });
    if (!v.ok) throw new Error("not verified");
    const shown = JSON.stringify(v.document);
    expect(shown).toContain(String(s?.name));
    expect(shown).toContain(String(s?.decision_no));
    expect(v.document.sections.map((x) => x.heading)).toContain("二、行政处罚信息");
    const original = await originalReport({ db: db.db, reportNo: r.reportNo, code: r.code });
    expect(original?.pdf.equals(r.pdf)).toBe(true);
    expect(original?.subjectName).toBe(s?.name);
    // the code as a person types it off the page: lower case, without its dash
    const typed = await originalReport({
      db: db.db,
      reportNo: r.reportNo.toLowerCase(),
      code: r.code.replace("-", "").toLowerCase(),
    });
    expect(typed?.pdf.equals(r.pdf)).toBe(true);
    expect(await originalReport({ db: db.db, reportNo: r.reportNo, code: "2222-2222" })).toBeNull();
    expect(await originalReport({ db: db.db, reportNo: `${r.reportNo}9`, code: r.code })).toBeNull();
    expect(await originalReport({ db: db.db, reportNo: r.reportNo, code: "" })).toBeNull();
  });

  it("issue 20 N11: the same public content on the same day is the report already made; a change makes a new one", async () => {
    const [s] = await db.exec(
      "SELECT id, uscc FROM subjects s WHERE kind = 'legal_person' AND NOT EXISTS (SELECT 1 FROM penalties p WHERE p.subject_id = s.id) ORDER BY id DESC LIMIT 1",
    );
    const ask = () =>
      issueReport(db.db, {
        code: { kind: "uscc", code: String(s?.uscc), canonical: true },
        edition: "public",
        today,
      });
    const stored = () =>
      db.exec("SELECT count(*)::int AS n FROM credit_reports WHERE subject_id = $1", [s?.id]);
    const a = await ask();
    const b = await ask();
    if ("refused" in a || "refused" in b) throw new Error("refused");
    expect(b.reportNo).toBe(a.reportNo);
    expect(b.pdf.equals(a.pdf)).toBe(true);
    expect((await stored())[0]?.n).toBe(1);
    await db.exec(
      "UPDATE subjects SET address = '江西省南昌市红谷滩区丰和中大道 1 号（变更后）' WHERE id = $1",
      [s?.id],
    );
    const c = await ask();
    if ("refused" in c) throw new Error("refused");
    expect(c.reportNo).not.toBe(a.reportNo);
    expect((await stored())[0]?.n).toBe(2);
  });
});

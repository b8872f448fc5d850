import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "../../db/testing/actor";
import { createTestDatabase, type TestDatabase } from "../../db/testing/test-database";
import { addDays, chinaDate } from "../../lib/calendar/dates";
import { penaltyPublicityWindow } from "../../lib/records/publicity";
import { checkIdNumber } from "../../lib/subjects/id-number";
import type { SubjectKind } from "../../lib/subjects/subject-kinds";
import { checkUscc } from "../../lib/subjects/uscc";
import { verifyPassword } from "../../server/credentials/password";
import { createPiiProtector } from "../../server/pii";
import { usccRate } from "../../server/queries/quality";
import { subjectBatches } from "./generate";
import { isSeeded, resumeSeed, seedDemo } from "./index";
import { fitsLicence, fitsPenalty, sectorOf } from "./trades";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./users";

const PII_KEY = "integration-test-key-0123456789";
const ANCHOR = "2026-11-23";
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  expect(await isSeeded(db)).toBe(false);
  await seedDemo(db, { subjects: 400, seed: 7, anchor: ANCHOR, piiKey: PII_KEY });
});
afterAll(() => db.dispose());

describe("demo seed", () => {
  it("loads the 11 设区市 with their counties and ~20 provincial departments", async () => {
    const [cities] = await db.exec("SELECT count(*)::int AS n FROM regions WHERE level = 'city'");
    const [counties] = await db.exec("SELECT count(*)::int AS n FROM regions WHERE level = 'county'");
    const [depts] = await db.exec("SELECT count(*)::int AS n FROM departments WHERE region_code = '360000'");
    expect(cities?.n).toBe(11);
    expect(counties?.n).toBeGreaterThan(90);
    expect(depts?.n).toBeGreaterThanOrEqual(19);
    expect(await isSeeded(db)).toBe(true);
  });

  it("gives every organisation and department a USCC that passes GB 32100", async () => {
    const rows = await db.exec(
      "SELECT uscc FROM subjects WHERE uscc IS NOT NULL UNION ALL SELECT uscc FROM departments",
    );
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows) expect(checkUscc(String(r.uscc))).toMatchObject({ valid: true, warnings: [] });
  });

  it("keeps natural persons' ID numbers only as digest, cipher and mask (DOMAIN §1–2)", async () => {
    const persons = await db.exec(
      "SELECT name, id_number_digest, id_number_cipher, id_number_masked, uscc FROM subjects WHERE kind = 'natural_person'",
    );
    expect(persons.length).toBeGreaterThan(5);
    const pii = createPiiProtector(PII_KEY);
    for (const p of persons) {
      const id = pii.reveal(String(p.id_number_cipher));
      expect(checkIdNumber(id).valid).toBe(true);
      expect(p.id_number_digest).toBe(pii.digest(id));
      expect(p.id_number_masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
      expect(p.uscc).toBeNull();
    }
    // no column of any table holds a whole ID number
    const leaks = await db.exec(
      `SELECT count(*)::int AS n FROM subjects s WHERE s::text ~ '[1-6][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9]{4}[0-9X]'`,
    );
    expect(leaks[0]?.n).toBe(0);
  });

  it("marks every organisation name as fictional", async () => {
    const [row] = await db.exec(
      "SELECT count(*)::int AS n FROM subjects WHERE kind <> 'natural_person' AND name NOT LIKE '%（演示）'",
    );
    expect(row?.n).toBe(0);
  });

  it("has entries on every list kind, with notice before decision for negative lists (DOMAIN §5)", async () => {
    const kinds = await db.exec("SELECT kind, count(*)::int AS n FROM list_entries GROUP BY kind");
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      "key_attention",
      "market_ban",
      "red",
      "serious_dishonesty",
    ]);
    const [bad] = await db.exec(
      `SELECT count(*)::int AS n FROM list_entries WHERE kind <> 'red' AND status = 'published'
       AND (notice_date IS NULL OR statement_deadline IS NULL OR statement_deadline >= decision_date)`,
    );
    expect(bad?.n).toBe(0);
  });

  it("stores publicity dates that lib/publicity computes", async () => {
    const rows = await db.exec(
      "SELECT decision_date::text, severity, public_until::text, repairable_from::text FROM penalties LIMIT 200",
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const w = penaltyPublicityWindow(String(r.decision_date), r.severity as "general" | "serious");
      expect([r.public_until, r.repairable_from]).toEqual([w.publicUntil, w.repairableFrom]);
    }
  });

  it("loads commitments and the working-day calendar", async () => {
    const [c] = await db.exec("SELECT count(*)::int AS n FROM commitments WHERE status = 'approved'");
    const [cal] = await db.exec("SELECT kind FROM calendar_days WHERE date = '2025-10-01'");
    const [adj] = await db.exec("SELECT kind FROM calendar_days WHERE date = '2025-09-28'");
    expect(c?.n).toBeGreaterThan(0);
    expect(cal?.kind).toBe("holiday");
    expect(adj?.kind).toBe("workday");
  });

  it("has objections in every state, the one being verified marking its penalty 核实中 (issue 14 §1)", async () => {
    const rows = await db.exec(
      `SELECT o.status::text AS status, p.under_verification AS uv, p.status::text AS penalty
         FROM objections o JOIN penalties p ON p.id = o.target_id ORDER BY o.id`,
    );
    expect(rows.map((r) => r.status)).toEqual(["submitted", "verifying", "corrected", "revoked", "upheld"]);
    expect(rows.map((r) => r.uv)).toEqual([false, true, false, false, false]);
    expect(rows.find((r) => r.status === "revoked")?.penalty).toBe("withdrawn");
  });

  it("has list proposals in every state, a 告知 to the demo business among them (issue 14 §2)", async () => {
    const rows = await db.exec(
      "SELECT DISTINCT status::text AS s FROM list_entries WHERE case_no LIKE 'MD%'",
    );
    expect(new Set(rows.map((r) => r.s))).toEqual(
      new Set(["case_opened", "notified", "published", "dropped", "removed"]),
    );
    // issue 22: the demo business's 告知 waits to be signed for, its 站内信 unread; its deadline not yet running
    const [own] = await db.exec(
      `SELECT count(*)::int AS n FROM list_entries e JOIN users u ON u.subject_id = e.subject_id
         JOIN notices n ON n.case_type = 'list_entry' AND n.case_id = e.id AND n.served_on IS NULL
         JOIN inbox_messages m ON m.notice_id = n.id AND m.user_id = u.id AND m.read_at IS NULL
        WHERE u.username = 'business' AND e.status = 'notified' AND e.statement_deadline IS NULL`,
    );
    expect(own?.n).toBe(1);
    // a company with no account, whose 告知 must be served on paper
    const [paper] = await db.exec(
      `SELECT count(*)::int AS n FROM list_entries e JOIN notices n ON n.case_type = 'list_entry' AND n.case_id = e.id
        WHERE e.status = 'notified' AND n.served_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.subject_id = e.subject_id)`,
    );
    expect(paper?.n).toBe(1);
    // every other 告知 was served, and its defence period counts from that day
    const [unmatched] = await db.exec(
      `SELECT count(*)::int AS n FROM list_entries e LEFT JOIN notices n ON n.case_type = 'list_entry' AND n.case_id = e.id
        WHERE e.notice_date IS NOT NULL AND (n.id IS NULL OR (n.served_on IS NOT NULL AND e.statement_deadline IS NULL))`,
    );
    expect(unmatched?.n).toBe(0);
  });

  it("creates one demo account per role, with an argon2id hash of the printed password", async () => {
    const rows = await db.exec(
      "SELECT u.username, u.password_hash, r.role FROM users u JOIN user_roles r ON r.user_id = u.id ORDER BY u.id",
    );
    expect(new Set(rows.map((r) => r.role))).toEqual(
      new Set(["operator", "reviewer", "supervisor", "sysadmin", "auditor", "business", "editor"]),
    );
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    const hash = String(rows[0]?.password_hash);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, "wrong-password-1")).toBe(false);
  });

  it("is deterministic: the same seed gives the same subjects", () => {
    const opts = { anchor: ANCHOR, seed: 7, protectIdNumber: () => ({ digest: "", cipher: "", masked: "" }) };
    const a = subjectBatches(100, 140, opts)[0]?.rows.map((r) => r.slice(0, 6));
    const b = subjectBatches(100, 140, opts)[0]?.rows.map((r) => r.slice(0, 6));
    expect(a).toEqual(b);
  });
});

// Issue 10: what a citizen browsing the demo noticed
describe("demo data a citizen finds believable", () => {
  it("no two organisations share a name, but the one company registered twice the quality board reports", async () => {
    const dupes = await db.exec(
      "SELECT name, count(*)::int AS n FROM subjects WHERE kind <> 'natural_person' GROUP BY name HAVING count(*) > 1",
    );
    // issue 23 §4: one 一照多码 case, so the board's 重码 figure has something to find
    expect(dupes).toHaveLength(1);
    expect(dupes[0]?.n).toBe(2);
  });

  it("a city bureau licenses only subjects of its own city", async () => {
    const outside = await db.exec(
      `SELECT l.id FROM licences l JOIN departments d ON d.id = l.source_dept_id JOIN subjects s ON s.id = l.subject_id
        WHERE d.region_code <> '360000' AND left(coalesce(s.region_code, ''), 4) <> left(d.region_code, 4)`,
    );
    expect(outside).toEqual([]);
  });

  it("natural persons hold only licences individuals can hold", async () => {
    const rows = await db.exec(
      `SELECT DISTINCT l.certificate_name AS c FROM licences l JOIN subjects s ON s.id = l.subject_id
        WHERE s.kind = 'natural_person'`,
    );
    for (const r of rows) expect(["林木采伐许可证", "取水许可证", "道路运输经营许可证"]).toContain(r.c);
  });

  it("numbers every case in one format: a kind's prefix, the day it was opened, its id (issue 21)", async () => {
    const rows = await db.exec(
      `SELECT case_no FROM repair_cases UNION ALL SELECT case_no FROM objections
       UNION ALL SELECT case_no FROM self_reports UNION ALL SELECT case_no FROM list_entries`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect(String(r.case_no)).toMatch(/^(XF|YY|ZB|MD)20\d{6}\d{6,}$/);
  });

  it("addresses name a street and a number", async () => {
    const rows = await db.exec("SELECT address FROM subjects WHERE address IS NOT NULL LIMIT 200");
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(String(r.address)).toMatch(/(路|大道|街)\d{1,3}号$/);
  });
});

describe("a demo seeded today (issue 21: no event in the future)", () => {
  let today: TestDatabase;
  beforeAll(async () => {
    today = await createTestDatabase();
    await seedDemo(today, { subjects: 60, seed: 11, anchor: chinaDate(new Date()), piiKey: PII_KEY });
  });
  afterAll(() => today.dispose());

  it("dates every step, publication and review at or before the moment it was seeded", async () => {
    const [r] = await today.exec(
      `SELECT (SELECT count(*) FROM case_events WHERE at > now())::int AS case_events,
              (SELECT count(*) FROM list_entries WHERE published_at > now())::int AS list_entries,
              (SELECT count(*) FROM news_items WHERE published_at > now())::int AS news,
              (SELECT count(*) FROM commitments WHERE reviewed_at > now())::int AS commitments`,
    );
    expect(r).toMatchObject({ case_events: 0, list_entries: 0, news: 0, commitments: 0 });
  });
});

describe("demo records fit their subject (issue 21: demo data a citizen believes)", () => {
  const subjectsOf = async (table: "licences" | "penalties", col: string) =>
    db.exec(`SELECT s.name, s.kind, x.${col} AS what FROM ${table} x JOIN subjects s ON s.id = x.subject_id`);

  it("every licence is one its holder's trade needs, and no 机关 or 协会 holds one", async () => {
    const rows = await subjectsOf("licences", "certificate_name");
    expect(rows.length).toBeGreaterThan(100);
    const misfits = rows.filter(
      (r) => !fitsLicence(String(r.what), sectorOf(String(r.name), r.kind as SubjectKind)),
    );
    expect(misfits.map((r) => `${r.name}：${r.what}`)).toEqual([]);
  });

  it("every penalty cause is one its subject's trade can commit", async () => {
    const rows = await subjectsOf("penalties", "violation_type");
    expect(rows.length).toBeGreaterThan(100);
    const misfits = rows.filter(
      (r) => !fitsPenalty(String(r.what), sectorOf(String(r.name), r.kind as SubjectKind)),
    );
    expect(misfits.map((r) => `${r.name}：${r.what}`)).toEqual([]);
  });

  it("amounts follow the case: illegal income under the value at stake, fines by the rule's multiple", async () => {
    const rows = await db.exec(
      `SELECT violation_type, violation_facts, fine_amount::float8 AS fine, confiscated_amount::float8 AS gain
       FROM penalties WHERE violation_type IN ('销售不合格产品', '偷税', '骗取医疗保障基金')`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      const at = Number(/(\d+)元/.exec(String(r.violation_facts))?.[1]) / 1e4;
      const fine = Number(r.fine);
      const rule: Record<string, [number, number]> = {
        销售不合格产品: [1, 3],
        偷税: [0.5, 5],
        骗取医疗保障基金: [2, 5],
      };
      const [low, high] = rule[String(r.violation_type)] ?? [0, 0];
      expect(fine, String(r.violation_facts)).toBeGreaterThanOrEqual(Math.round(at * low * 100) / 100 - 0.01);
      expect(fine, String(r.violation_facts)).toBeLessThanOrEqual(Math.round(at * high * 100) / 100 + 0.01);
      if (r.gain !== null) expect(Number(r.gain)).toBeLessThanOrEqual(at + 0.01);
    }
  });

  it("a list entry's case was opened before its notice, and a notice still open is recent", async () => {
    const rows = await db.exec(
      `SELECT case_no, notice_date::text AS notice, decision_date::text AS decided, status::text AS status
       FROM list_entries WHERE notice_date IS NOT NULL`,
    );
    for (const r of rows) {
      const opened = String(r.case_no).slice(2, 10);
      expect(opened <= String(r.notice).replaceAll("-", ""), String(r.case_no)).toBe(true);
      if (r.status === "notified")
        expect(String(r.notice) >= addDays(ANCHOR, -30), String(r.case_no)).toBe(true);
    }
  });
});

describe("seeded listings rest on records (issue 21)", () => {
  it("a cited penalty is the subject's own, by the list's department, decided before the notice", async () => {
    const rows = await db.exec(
      `SELECT e.case_no, p.subject_id = e.subject_id AS own, p.authority_dept_id = e.dept_id AS same_dept,
              p.decision_date < coalesce(e.notice_date, e.decision_date) AS before
       FROM list_entries e CROSS JOIN LATERAL unnest(e.basis_penalty_ids) AS b(id) JOIN penalties p ON p.id = b.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(r, String(r.case_no)).toMatchObject({ own: true, same_dept: true, before: true });
  });
});

describe("the demo's provenance (issue 25 §2)", () => {
  it("records arrived by every channel; each repaired or withdrawn one has its change, dated when it happened", async () => {
    const channels = await db.exec("SELECT DISTINCT channel::text AS channel FROM penalties ORDER BY 1");
    expect(channels.map((c) => c.channel)).toEqual(["api", "console", "import"]);
    const [missing] = await db.exec(
      `SELECT count(*)::int AS n FROM penalties p WHERE p.status <> 'active'
         AND NOT EXISTS (SELECT 1 FROM record_changes c WHERE c.record_kind = 'penalty' AND c.record_id = p.id)`,
    );
    expect(missing?.n).toBe(0);
    const [late] = await db.exec(
      `SELECT count(*)::int AS n FROM record_changes c JOIN penalties p ON p.id = c.record_id AND c.record_kind = 'penalty'
       WHERE c.at > now() OR c.at < p.created_at`,
    );
    expect(late?.n).toBe(0);
    const [byObjection] = await db.exec(
      `SELECT count(*)::int AS n FROM record_changes c JOIN objections o ON o.case_no = c.case_no
       WHERE c.action = 'corrected' AND o.status = 'corrected'`,
    );
    expect(byObjection?.n).toBe(1);
  });
});

describe("the embedded demo's planner statistics (issue 25)", () => {
  it("every table a public search or profile reads has been analysed", async () => {
    const tables = ["subjects", "penalties", "licences", "list_entries", "commitments"];
    const rows = await db.exec(
      "SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = 'public' AND tablename = ANY($1::text[])",
      [tables],
    );
    expect(rows.map((r) => r.tablename).sort()).toEqual([...tables].sort());
  });
});

describe("the platform's demo figures (issue 23 §4)", () => {
  it("the quality board's USCC error and duplicate rate matches an independent count in SQL", async () => {
    serveQueriesFrom(db);
    try {
      const board = await usccRate();
      // GB 32100 weights are 3^(i-1) mod 31; a duplicate is a name held by two or more codes
      const [mine] = await db.exec(`
        WITH checked AS (
          SELECT s.uscc, s.name,
                 substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                   ((31 - sum((position(substr(s.uscc, i, 1) IN '0123456789ABCDEFGHJKLMNPQRTUWXY') - 1)
                     * (power(3::numeric, i - 1) % 31))::int % 31) % 31) + 1, 1) = substr(s.uscc, 18, 1) AS valid
            FROM subjects s CROSS JOIN generate_series(1, 17) AS i WHERE s.uscc IS NOT NULL GROUP BY s.uscc, s.name),
        names AS (SELECT name, count(*) AS codes FROM subjects WHERE uscc IS NOT NULL GROUP BY name)
        SELECT count(*)::int AS codes,
               count(*) FILTER (WHERE NOT valid)::int AS errors,
               count(*) FILTER (WHERE valid AND n.codes > 1)::int AS duplicates
          FROM checked c JOIN names n USING (name)`);
      expect(board).toMatchObject({ codes: mine?.codes, errors: mine?.errors, duplicates: mine?.duplicates });
      expect(board.duplicates).toBe(2);
      expect(board.rate).toBeCloseTo(
        (Number(mine?.errors) + Number(mine?.duplicates)) / Number(mine?.codes),
        12,
      );
    } finally {
      serveQueriesFrom(null);
    }
  });
});

// issue 24 §1: the large load (COPY, indexes and foreign keys restored afterwards) gives the same data as rows
// inserted one batch at a time, and leaves the schema as the migrations made it
describe.runIf(process.env.TEST_ENGINE === "postgres")("the bulk load on PostgreSQL", () => {
  let bulk: TestDatabase;
  const schema = (d: TestDatabase) =>
    d.exec(
      `SELECT (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace)::int AS fks,
              (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public')::int AS indexes,
              (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D')::int AS disabled`,
    );
  beforeAll(async () => {
    bulk = await createTestDatabase();
    await seedDemo(bulk, { subjects: 400, seed: 7, anchor: ANCHOR, piiKey: PII_KEY, bulk: true });
  });
  afterAll(() => bulk.dispose());

  it("restores every foreign key, index and trigger", async () => {
    expect(await schema(bulk)).toEqual(await schema(db));
  });

  it("a load cut off before its indexes and keys are back is finished by resumeSeed", async () => {
    const cut = await createTestDatabase();
    try {
      const options = { subjects: 400, seed: 7, anchor: ANCHOR, piiKey: PII_KEY, bulk: true };
      // the process dies as the rows are all in: the first thing the end of a bulk load does is say so
      const dies = (line: string) => {
        if (line.includes("索引")) throw new Error("killed");
      };
      await expect(seedDemo(cut, { ...options, log: dies })).rejects.toThrow("killed");
      expect(await schema(cut)).not.toEqual(await schema(db));
      await expect(resumeSeed(cut, { ...options, subjects: 500 })).rejects.toThrow("批量导入未完成");
      const r = await resumeSeed(cut, options);
      expect(r.counts.penalties).toBeGreaterThan(100);
      expect(await schema(cut)).toEqual(await schema(db));
      expect(await isSeeded(cut)).toBe(true);
      await expect(resumeSeed(cut, options)).rejects.toThrow("没有未完成的批量导入");
    } finally {
      await cut.dispose();
    }
  });

  it("loads the same subjects and records as the batch inserts", async () => {
    const digest = (d: TestDatabase) =>
      d.exec(
        `SELECT (SELECT md5(string_agg(uscc || name, ',' ORDER BY id)) FROM subjects) AS subjects,
                (SELECT md5(string_agg(decision_no || subject_id || coalesce(fine_amount::text, ''), ',' ORDER BY id)) FROM penalties) AS penalties,
                (SELECT count(*) FROM licences)::int AS licences,
                (SELECT count(*) FROM list_entries)::int AS entries`,
      );
    const [a] = await digest(bulk);
    expect(a?.licences).toBeGreaterThan(100);
    expect(await digest(bulk)).toEqual(await digest(db));
  });
});

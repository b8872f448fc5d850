import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { chinaDate } from "@/lib/calendar/dates";
import { seedDemo } from "../../scripts/seed/index";
import { AppError } from "../errors";
import { changeNewsStatus, saveNews } from "../services/news";
import { unwatchSubject, watchSubject } from "../services/watchlist";
import { getDataset } from "./exports";
import { listPublishedNews } from "./news";
import { getStatistics } from "./statistics";
import { getWatchlist } from "./subject-feed";

let db: TestDatabase;
const today = chinaDate(new Date());
const meta = { ip: "203.0.113.30", userAgent: "vitest" };

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await seedDemo(db, { subjects: 300, seed: 13, anchor: today, piiKey: "statistics-test-key-0123456789" });
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

async function allRows(key: string) {
  const d = getDataset(key);
  if (!d) throw new Error(key);
  const out: Record<string, unknown>[] = [];
  for (let after = 0; ; ) {
    const rows = await d.batch(after, today, 2000);
    if (rows.length === 0) return out;
    out.push(...rows);
    after = Number(rows.at(-1)?.id);
  }
}

describe("statistics (issue 13 §4) equal the open data on the same day", () => {
  it("per department, per list, commitments and totals", async () => {
    const s = await getStatistics(today);
    const [pen, lic, red, serious, com] = await Promise.all([
      allRows("penalties"),
      allRows("licences"),
      allRows("lists-red"),
      allRows("lists-serious-dishonesty"),
      allRows("commitments"),
    ]);
    const by = (rows: Record<string, unknown>[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(String(r.authority), (m.get(String(r.authority)) ?? 0) + 1);
      return m;
    };
    const p = by(pen);
    const l = by(lic);
    for (const [name, penalties, licences] of s.byDepartment.rows) {
      expect([name, penalties, licences]).toEqual([name, p.get(String(name)) ?? 0, l.get(String(name)) ?? 0]);
    }
    expect(s.totals.penalties).toBe(pen.length);
    expect(s.totals.licences).toBe(lic.length);
    expect(s.lists.rows.find((r) => r[0] === "守信激励对象名单（红名单）")?.[1]).toBe(red.length);
    expect(s.lists.rows.find((r) => r[0] === "严重失信主体名单")?.[1]).toBe(serious.length);
    expect(s.totals.commitments).toBe(com.length);
    // the months and the cities add up to the same records
    expect(s.byCity.rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(pen.length);
    expect(s.byMonth.rows).toHaveLength(12);
  });

  it("a city's figures count only what is about subjects registered there", async () => {
    const all = await getStatistics(today);
    const nc = await getStatistics(today, "360100");
    const [c] = await db.exec(
      `SELECT count(*)::int AS n FROM penalties p JOIN subjects s ON s.id = p.subject_id
       WHERE s.region_code LIKE '3601%' AND p.status = 'active' AND p.disclosable AND p.decision_date <= $1 AND p.public_until >= $1`,
      [today],
    );
    expect(nc.totals.penalties).toBe(Number(c?.n));
    expect(nc.totals.penalties).toBeLessThan(all.totals.penalties);
  });
});

describe("news (issue 13 §3) and the watchlist (§6) on this engine", () => {
  const editor = () => testActor({ id: 1, departmentId: 1, role: "editor" });
  it("a saved body is sanitised; publish and withdraw move it on and off the public list", async () => {
    const [u] = await db.exec("SELECT id FROM users WHERE username = 'editor'");
    const actor = { ...editor(), id: Number(u?.id) };
    const ctx = { db: db.db, actor, meta, today };
    const { id } = await saveNews(
      ctx,
      {
        category: "work",
        title: "集成测试动态",
        bodyHtml: '<p onclick="x()">十个字以上的正文内容。</p><script>x()</script>',
      },
      [],
    );
    const [row] = await db.exec("SELECT body_html, status::text AS status FROM news_items WHERE id = $1", [
      id,
    ]);
    expect(row).toEqual({ body_html: "<p>十个字以上的正文内容。</p>", status: "draft" });
    const titles = async () => (await listPublishedNews({ pageSize: 50 })).rows.map((r) => r.title);
    expect(await titles()).not.toContain("集成测试动态");
    await changeNewsStatus(ctx, { id, event: "publish" });
    expect(await titles()).toContain("集成测试动态");
    await expect(changeNewsStatus(ctx, { id, event: "publish" })).rejects.toBeInstanceOf(AppError);
    await changeNewsStatus(ctx, { id, event: "withdraw" });
    expect(await titles()).not.toContain("集成测试动态");
    const [audit] = await db.exec(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'news' AND entity_id = $1",
      [String(id)],
    );
    expect(Number(audit?.n)).toBe(3);
  });

  it("a business follows an organisation once, sees its records of the last 90 days, and stops", async () => {
    const [b] = await db.exec("SELECT id, subject_id FROM users WHERE username = 'business'");
    const actor = {
      ...testActor({ id: Number(b?.id), departmentId: 1, role: "business" }),
      subjectId: Number(b?.subject_id),
      departmentId: null,
    };
    const ctx = { db: db.db, actor, meta, today };
    const [s] = await db.exec(
      `SELECT s.id, s.uscc FROM subjects s WHERE s.kind = 'legal_person' AND s.id <> $1
         AND EXISTS (SELECT 1 FROM penalties p WHERE p.subject_id = s.id AND p.status = 'active' AND p.disclosable
                     AND p.public_until >= $2 AND p.decision_date <= $2
                     AND p.decision_date >= ($2::date - 80))
       ORDER BY s.id LIMIT 1`,
      [actor.subjectId, today],
    );
    await watchSubject(ctx, { uscc: String(s?.uscc) });
    await expect(watchSubject(ctx, { uscc: String(s?.uscc) })).rejects.toThrow("已经在关注");
    const list = await getWatchlist(actor.id, today);
    expect(list.map((w) => w.subjectId)).toEqual([Number(s?.id)]);
    expect(list[0]?.changes.some((c) => c.title.startsWith("行政处罚："))).toBe(true);
    await unwatchSubject(ctx, { subjectId: Number(s?.id) });
    expect(await getWatchlist(actor.id, today)).toEqual([]);
  });
});

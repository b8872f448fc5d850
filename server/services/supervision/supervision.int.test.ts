import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serveQueriesFrom, testActor } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { chinaDate } from "@/lib/calendar/dates";
import { replayPublished, runDraw } from "@/lib/supervision/draw";
import { membersOf } from "@/lib/supervision/pool";
import { seedDemo } from "../../../scripts/seed/index";
import { auditRowsOf } from "../../audit";
import type { CurrentUser } from "../../auth/guard";
import { AppError } from "../../errors";
import { replayDraw } from "../../queries/draw-replay";
import {
  getDrawInputs,
  getGradeDistribution,
  getGradeList,
  getPublishedDraw,
  getSubjectSupervision,
  gradeListBatches,
} from "../../queries/supervision";
import { forgetGradingRules, forgetPolicy } from "../../settings";
import { confirmDraw, poolUnchangedSince, previewDraw } from "./draws";
import { updateGradingRules } from "./grading-rules";
import { setInspectorActive } from "./inspectors";
import { recordInterview } from "./interviews";
import { updateInspectionRatios } from "./ratios";

/**
 * Issue 12 "Must show" and "Bad input" on the demo data: 双随机 draws previewed, confirmed and replayed from their
 * stored seed and pool snapshot, tampering told, a pool that changed between preview and confirm, refusals that
 * store nothing, and a change of the grading rules that regrades every subject. The describes run in file order
 * and share one seeded database; each test makes its own draws, and the rule change (which regrades everything)
 * comes last.
 *
 * On PGlite (one connection) a service that read the cached settings through the process handle inside its own
 * transaction would wait for ever; every test starts with the cache emptied (`coldSettings`), so that any such read
 * hangs the test instead of passing unnoticed, and the last describe checks it on a database of its own.
 */

let db: TestDatabase;
const today = chinaDate(new Date());
const meta = { ip: "203.0.113.12", userAgent: "vitest" };
/** the demo's 监管员, of the provincial market regulator (jxamr); set from the seeded users */
let supervisor: CurrentUser;
/** a supervisor of 南昌市市场监管局 (another department), acting as the seeded nc_operator account */
let otherSupervisor: CurrentUser;
let jxamr = 0;
/** jxamr's inspectors (8 in the demo), ids ascending */
let ours: number[] = [];
/** an inspector of another department */
let foreign = 0;

const ctx = (actor: CurrentUser = supervisor) => ({ db: db.db, actor, meta, today });
const CJK = /[\u4e00-\u9fff]/;
/** DOMAIN §9 default ratios, in whole percent: A 3 %, B 5 %, C 10 %, D 30 % */
const DEFAULT_PERCENT = { A: 3, B: 5, C: 10, D: 30 } as const;

const rows = (sql: string, params: unknown[] = []) => db.exec(sql, params);
const row = async (sql: string, params: unknown[] = []) => (await db.exec(sql, params))[0];
const count = async (sql: string, params: unknown[] = []) => Number((await row(sql, params))?.n);

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The live pool of a region filter, read here with plain SQL (not through loadPool): the active subjects other than
 * natural persons and 机关, ids ascending, with their stored grades.
 */
async function livePool(regionLike: string) {
  const r = await row(
    `SELECT coalesce(string_agg(s.id::text, ',' ORDER BY s.id), '') AS ids,
            coalesce(string_agg(g.grade::text, '' ORDER BY s.id), '') AS grades
     FROM subjects s JOIN subject_grades g ON g.subject_id = s.id
     WHERE s.kind NOT IN ('natural_person', 'government') AND s.status = 'active' AND s.region_code LIKE $1`,
    [`${regionLike}%`],
  );
  const ids = String(r?.ids ?? "");
  const grades = String(r?.grades ?? "");
  return { ids, grades, hash: sha256(`${ids}|${grades}`), size: ids ? ids.split(",").length : 0 };
}

const drawRow = (id: number) =>
  row(
    `SELECT state::text AS state, draw_no, seed, pool_hash, pool_ids, pool_grades,
            pool_size, rule_version, title, pool, ratios, array_to_string(inspector_ids, ',') AS inspector_ids,
            drawn_by, drawn_at, drawn_list, result_hash, per_grade
     FROM inspection_draws WHERE id = $1`,
    [id],
  );
const drawn = (id: number) =>
  rows(
    `SELECT subject_id::int AS subject_id, seq, grade::text AS grade, array_to_string(inspector_ids, ',') AS inspectors
     FROM inspection_draw_subjects WHERE draw_id = $1 ORDER BY seq`,
    [id],
  );
const drawnCount = (id: number) =>
  count("SELECT count(*) AS n FROM inspection_draw_subjects WHERE draw_id = $1", [id]);
const drawAudits = (action: string, id: number) =>
  count(
    "SELECT count(*) AS n FROM audit_log WHERE action = $1 AND entity_type = 'inspection_draw' AND entity_id = $2",
    [action, String(id)],
  );
/** Everything a refused draw request must leave as it was. */
const drawTotals = async () => ({
  draws: await count("SELECT count(*) AS n FROM inspection_draws"),
  drawnRows: await count("SELECT count(*) AS n FROM inspection_draw_subjects"),
  audits: await count("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'draw.%'"),
});

/** ⌈n × p / 100⌉ per grade, in integers, for a pool's grade string. */
function expectedDrawn(grades: string, percent: Record<"A" | "B" | "C" | "D", number> = DEFAULT_PERCENT) {
  let k = 0;
  for (const g of ["A", "B", "C", "D"] as const) {
    const n = [...grades].filter((x) => x === g).length;
    k += Math.ceil((n * percent[g]) / 100);
  }
  return k;
}

let penaltyNo = 0;
/** A public serious penalty decided today: −20 under the default rules, regraded by the table's trigger. */
async function seriousPenalty(subjectId: number) {
  penaltyNo += 1;
  await db.exec(
    `INSERT INTO penalties (subject_id, counterpart_name, counterpart_category, decision_no, decision_date, authority_dept_id,
       source_dept_id, violation_type, violation_facts, legal_basis, penalty_types, penalty_content, severity, public_until,
       repairable_from, disclosable)
     VALUES ($1, '某', 'legal_entity', $3, $2, 1, 1, '类型', '事实', '依据', '{罚款}', '罚款', 'serious', $2::date + 1000,
       $2::date + 365, true)`,
    [subjectId, today, `SUP-TEST-${penaltyNo}`],
  );
}
const storedGrade = (subjectId: number) =>
  row("SELECT grade::text AS grade, score, rule_version FROM subject_grades WHERE subject_id = $1", [
    subjectId,
  ]);

/** A member of a region's pool graded A whose one serious penalty (−20) takes it below the A band. */
async function aMemberToDowngrade(regionLike: string): Promise<number> {
  const r = await row(
    `SELECT s.id FROM subjects s JOIN subject_grades g ON g.subject_id = s.id
     WHERE s.kind NOT IN ('natural_person', 'government') AND s.status = 'active' AND s.region_code LIKE $1
       AND g.grade = 'A' AND g.score < 110
     ORDER BY s.id DESC LIMIT 1`,
    [`${regionLike}%`],
  );
  if (!r) throw new Error(`no A-graded subject in ${regionLike}`);
  return Number(r.id);
}

let newSubjects = 0;
/** A new market subject of a county, graded at once (as an import would have it). */
async function addSubject(regionCode: string): Promise<number> {
  newSubjects += 1;
  const r = await row(
    `INSERT INTO subjects (public_id, kind, name, region_code, industry)
     VALUES ($1, 'legal_person', $2, $3, 'F') RETURNING id`,
    [`suptest${newSubjects}`, `抽查测试新设${newSubjects}号有限公司（演示）`, regionCode],
  );
  const id = Number(r?.id);
  await db.exec("SELECT regrade_subjects(ARRAY[$1]::bigint[])", [id]);
  return id;
}

/** Empties the settings cache (see the note at the top). */
async function coldSettings() {
  forgetPolicy();
  forgetGradingRules();
}

async function previewAndConfirm(title: string, pool: { regionCode?: string }, inspectorIds: number[]) {
  const { id } = await previewDraw(ctx(), { title, pool, inspectorIds });
  const out = await confirmDraw(ctx(), { id });
  if (!out.ok) throw new Error(`not confirmed: ${out.message}`);
  return { id, drawNo: out.drawNo };
}

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  forgetPolicy();
  forgetGradingRules();
  await seedDemo(db, { subjects: 300, seed: 11, anchor: today, piiKey: "supervision-test-key-0123456789" });
  const sup = await row("SELECT id, department_id FROM users WHERE username = 'supervisor'");
  const nc = await row("SELECT id, department_id FROM users WHERE username = 'nc_operator'");
  jxamr = Number((await row("SELECT id FROM departments WHERE code = 'jxamr'"))?.id);
  expect(Number(sup?.department_id)).toBe(jxamr);
  supervisor = testActor({ id: Number(sup?.id), departmentId: jxamr, role: "supervisor" });
  otherSupervisor = testActor({
    id: Number(nc?.id),
    departmentId: Number(nc?.department_id),
    role: "supervisor",
  });
  ours = (await rows("SELECT id FROM inspectors WHERE dept_id = $1 ORDER BY id", [jxamr])).map((r) =>
    Number(r.id),
  );
  foreign = Number(
    (await row("SELECT id FROM inspectors WHERE dept_id <> $1 ORDER BY id LIMIT 1", [jxamr]))?.id,
  );
});
beforeEach(coldSettings);
afterAll(async () => {
  serveQueriesFrom(null);
  forgetPolicy();
  forgetGradingRules();
  await db?.dispose();
});

describe("双随机 draws replay from their stored seed and pool (issue 12 §3)", () => {
  it("the seeded demo draw replays identically, by 'latest', by id and by its number", async () => {
    expect(ours).toHaveLength(8);
    const seeded = await row(
      "SELECT id, draw_no, pool_size FROM inspection_draws WHERE state = 'confirmed' ORDER BY id",
    );
    const latest = await replayDraw({ db: db.db, which: "latest" });
    expect(latest).toMatchObject({
      drawId: Number(seeded?.id),
      drawNo: String(seeded?.draw_no),
      identical: true,
      difference: null,
      poolSize: Number(seeded?.pool_size),
    });
    expect(latest?.drawn).toBe(await drawnCount(Number(seeded?.id)));
    expect(latest?.drawn).toBeGreaterThan(0);
    expect(await replayDraw({ db: db.db, which: String(seeded?.id) })).toMatchObject({
      identical: true,
      difference: null,
    });
    expect(await replayDraw({ db: db.db, which: String(seeded?.draw_no) })).toMatchObject({
      identical: true,
      difference: null,
    });
  });

  it("a draw previewed and confirmed by the supervisor stores the pool it saw, replays identically, and still does after unrelated changes", async () => {
    const before = await livePool("3601");
    const inspectorIds = ours.slice(0, 4);
    const { id } = await previewDraw(ctx(), {
      title: "南昌市 2026 年第二批双随机抽查",
      pool: { regionCode: "360100" },
      inspectorIds: [...inspectorIds].reverse(),
    });

    // the preview: a server-made seed, the pool snapshot with its SHA-256, and the result it shows kept with its
    // own hash; no drawn subject stored and nothing to replay until confirmed
    const preview = await drawRow(id);
    expect(preview).toMatchObject({
      state: "preview",
      draw_no: null,
      pool_ids: before.ids,
      pool_grades: before.grades,
      pool_hash: before.hash,
      pool_size: before.size,
      rule_version: "2026.1",
      inspector_ids: inspectorIds.join(","),
      ratios: { A: 0.03, B: 0.05, C: 0.1, D: 0.3 },
    });
    expect(String(preview?.seed)).toMatch(/^[0-9a-f]{64}$/);
    const kept = String(preview?.drawn_list);
    expect(kept.split("\n")).toHaveLength(expectedDrawn(before.grades));
    expect(preview?.result_hash).toBe(sha256(kept));
    expect(await drawnCount(id)).toBe(0);
    expect(await replayDraw({ db: db.db, which: String(id) })).toBeNull();
    expect(await drawAudits("draw.preview", id)).toBe(1);

    // confirmed: numbered, the drawn subjects stored in order with two different inspectors each
    const out = await confirmDraw(ctx(), { id });
    expect(out).toEqual({ ok: true, drawNo: expect.stringMatching(/^CC\d{4}\d{6}$/) });
    const drawNo = out.ok ? out.drawNo : "";
    expect(drawNo.endsWith(String(id).padStart(6, "0"))).toBe(true);
    const confirmed = await drawRow(id);
    expect(confirmed).toMatchObject({ state: "confirmed", draw_no: drawNo, seed: preview?.seed });
    expect(Number(confirmed?.drawn_by)).toBe(supervisor.id);
    expect(confirmed?.drawn_at).not.toBeNull();
    expect(await drawAudits("draw.confirm", id)).toBe(1);

    const picked = await drawn(id);
    expect(picked).toHaveLength(expectedDrawn(before.grades));
    // exactly the result the preview showed, and the audit row fixes its hash
    expect(picked.map((p) => `${p.seq}:${p.subject_id}:${p.grade}:${p.inspectors}`).join("\n")).toBe(kept);
    expect(
      (
        await auditRowsOf(db.db, {
          action: "draw.confirm",
          entityType: "inspection_draw",
          entityId: String(id),
        })
      )[0]?.after,
    ).toMatchObject({ resultHash: preview?.result_hash, drawn: picked.length });
    expect(picked.map((p) => Number(p.seq))).toEqual(picked.map((_, i) => i + 1));
    const poolIds = before.ids.split(",").map(Number);
    for (const p of picked) {
      const at = poolIds.indexOf(Number(p.subject_id));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(p.grade).toBe(before.grades[at]);
      const [a, b, ...rest] = String(p.inspectors).split(",").map(Number);
      expect(rest).toEqual([]);
      expect(a).not.toBe(b);
      expect(inspectorIds).toContain(a);
      expect(inspectorIds).toContain(b);
    }
    // grades drawn in the order A, B, C, D
    const order = picked.map((p) => String(p.grade));
    expect(order).toEqual([...order].sort());

    // issue 21: the public inputs file alone replays it, its pool named by USCC and hashed as DRAW_SPEC says
    const published = await getDrawInputs({ drawNo });
    expect(published?.pool.usccs).toHaveLength(before.size);
    expect(published?.publicPoolHash).toBe(
      sha256(`${published?.pool.usccs.join(",")}|${published?.pool.grades}`),
    );
    expect(published && replayPublished(published)).toBeNull();

    const replay = await replayDraw({ db: db.db, which: String(id) });
    expect(replay).toMatchObject({
      drawId: id,
      drawNo,
      identical: true,
      difference: null,
      drawn: picked.length,
      poolSize: before.size,
    });
    expect(await replayDraw({ db: db.db, which: drawNo })).toMatchObject({ drawId: id, identical: true });
    expect(await replayDraw({ db: db.db, which: "latest" })).toMatchObject({ drawId: id, identical: true });

    // unrelated changes afterwards: a pool member's grade falls, a new subject opens in the region, another is renamed
    const downgraded = await aMemberToDowngrade("3601");
    const gradeBefore = (await storedGrade(downgraded))?.grade;
    await seriousPenalty(downgraded);
    expect((await storedGrade(downgraded))?.grade).not.toBe(gradeBefore);
    const added = await addSubject("360102");
    const renamed = poolIds.find((s) => s !== downgraded) as number;
    await db.exec("UPDATE subjects SET name = name || '（已更名）' WHERE id = $1", [renamed]);

    const after = await livePool("3601");
    expect(after.size).toBe(before.size + 1);
    expect(after.ids.split(",").map(Number)).toContain(added);
    expect(after.hash).not.toBe(before.hash);

    // the confirmed draw keeps its own snapshot: still identical, and the stored draw untouched
    expect(await replayDraw({ db: db.db, which: String(id) })).toMatchObject({
      identical: true,
      difference: null,
    });
    expect(await drawRow(id)).toMatchObject({
      pool_ids: before.ids,
      pool_grades: before.grades,
      pool_hash: before.hash,
    });
    expect(await drawn(id)).toEqual(picked);
    // so does the demo's
    const demo = await row(
      "SELECT draw_no FROM inspection_draws WHERE state = 'confirmed' ORDER BY id LIMIT 1",
    );
    expect(await replayDraw({ db: db.db, which: String(demo?.draw_no) })).toMatchObject({
      identical: true,
      difference: null,
    });

    // a confirmed draw is not confirmed twice
    const again = confirmDraw(ctx(), { id });
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(CJK) });
    expect(await drawAudits("draw.confirm", id)).toBe(1);
    expect(await drawn(id)).toEqual(picked);
  });

  it("two previews of the same pool get different seeds; replay gives exactly the stored order", async () => {
    const pool = { regionCode: "360900" };
    const a = await previewDraw(ctx(), { title: "宜春市抽查 甲", pool, inspectorIds: ours.slice(0, 3) });
    const b = await previewDraw(ctx(), { title: "宜春市抽查 乙", pool, inspectorIds: ours.slice(0, 3) });
    const [ra, rb] = [await drawRow(a.id), await drawRow(b.id)];
    expect(ra?.pool_hash).toBe(rb?.pool_hash);
    expect(ra?.pool_ids).toBe(rb?.pool_ids);
    expect(ra?.seed).not.toBe(rb?.seed);
    expect(await drawAudits("draw.preview", a.id)).toBe(1);
    expect(await drawAudits("draw.preview", b.id)).toBe(1);

    // both confirmed (the pool has not changed): each replays to what it stored
    for (const d of [a, b]) {
      const out = await confirmDraw(ctx(), { id: d.id });
      expect(out.ok).toBe(true);
      expect(await replayDraw({ db: db.db, which: String(d.id) })).toMatchObject({
        identical: true,
        difference: null,
      });
      // replayed twice: the same
      expect(await replayDraw({ db: db.db, which: String(d.id) })).toMatchObject({
        identical: true,
        difference: null,
      });
    }
  });

  describe("altering what was stored is told on replay", () => {
    let id = 0;
    const replay = () => replayDraw({ db: db.db, which: String(id) });
    const expectDifference = async () => {
      const r = await replay();
      expect(r).not.toBeNull();
      expect(r?.identical).toBe(false);
      expect(r?.difference).toEqual(expect.stringMatching(CJK));
      return r;
    };

    beforeAll(async () => {
      ({ id } = await previewAndConfirm(
        "赣州市抽查（篡改检验）",
        { regionCode: "360700" },
        ours.slice(2, 7),
      ));
      expect(await drawnCount(id)).toBeGreaterThanOrEqual(3);
    });

    it("one grade letter swapped in the stored pool snapshot", async () => {
      const d = await drawRow(id);
      const grades = String(d?.pool_grades);
      const swapped = (grades[0] === "A" ? "B" : "A") + grades.slice(1);
      await db.exec("UPDATE inspection_draws SET pool_grades = $2 WHERE id = $1", [id, swapped]);
      try {
        await expectDifference();
      } finally {
        await db.exec("UPDATE inspection_draws SET pool_grades = $2 WHERE id = $1", [id, grades]);
      }
      expect(await replay()).toMatchObject({ identical: true, difference: null });
    });

    it("one id changed in the stored pool snapshot", async () => {
      const d = await drawRow(id);
      const ids = String(d?.pool_ids).split(",").map(Number);
      const outsider = Number(
        (
          await row(
            "SELECT min(id) AS id FROM subjects WHERE kind <> 'natural_person' AND NOT (id = ANY($1::bigint[]))",
            [`{${ids.join(",")}}`],
          )
        )?.id,
      );
      const altered = [outsider, ...ids.slice(1)].join(",");
      await db.exec("UPDATE inspection_draws SET pool_ids = $2 WHERE id = $1", [id, altered]);
      try {
        await expectDifference();
      } finally {
        await db.exec("UPDATE inspection_draws SET pool_ids = $2 WHERE id = $1", [id, ids.join(",")]);
      }
      expect(await replay()).toMatchObject({ identical: true, difference: null });
    });

    it("a drawn subject replaced by another pool member of the same grade", async () => {
      const [first] = await drawn(id);
      const d = await drawRow(id);
      const ids = String(d?.pool_ids).split(",").map(Number);
      const grades = String(d?.pool_grades);
      const taken = new Set((await drawn(id)).map((p) => Number(p.subject_id)));
      const other = ids.find((s, i) => grades[i] === first?.grade && !taken.has(s));
      expect(other).toBeDefined();
      await db.exec("UPDATE inspection_draw_subjects SET subject_id = $3 WHERE draw_id = $1 AND seq = $2", [
        id,
        1,
        other,
      ]);
      try {
        const r = await expectDifference();
        expect(r?.difference).toContain(String(other));
      } finally {
        await db.exec("UPDATE inspection_draw_subjects SET subject_id = $3 WHERE draw_id = $1 AND seq = $2", [
          id,
          1,
          first?.subject_id,
        ]);
      }
      expect(await replay()).toMatchObject({ identical: true, difference: null });
    });

    it("a drawn subject's inspectors swapped, or another inspector put in", async () => {
      const [first] = await drawn(id);
      const pair = String(first?.inspectors).split(",").map(Number);
      const [a = 0, b = 0] = pair;
      const set = (ins: number[]) =>
        db.exec(
          "UPDATE inspection_draw_subjects SET inspector_ids = $3::int[] WHERE draw_id = $1 AND seq = $2",
          [id, 1, `{${ins.join(",")}}`],
        );
      const stranger = ours.find((x) => !pair.includes(x)) as number;
      try {
        await set([b, a]);
        await expectDifference();
        await set([a, stranger]);
        await expectDifference();
      } finally {
        await set(pair);
      }
      expect(await replay()).toMatchObject({ identical: true, difference: null });
    });

    it("a drawn subject's stored grade changed, or the last drawn subject deleted", async () => {
      const picked = await drawn(id);
      const first = picked[0];
      const last = picked.at(-1);
      await db.exec("UPDATE inspection_draw_subjects SET grade = $3 WHERE draw_id = $1 AND seq = $2", [
        id,
        1,
        first?.grade === "D" ? "C" : "D",
      ]);
      try {
        await expectDifference();
      } finally {
        await db.exec("UPDATE inspection_draw_subjects SET grade = $3 WHERE draw_id = $1 AND seq = $2", [
          id,
          1,
          first?.grade,
        ]);
      }
      expect(await replay()).toMatchObject({ identical: true });
      const full = await row("SELECT * FROM inspection_draw_subjects WHERE draw_id = $1 AND seq = $2", [
        id,
        last?.seq,
      ]);
      await db.exec("DELETE FROM inspection_draw_subjects WHERE draw_id = $1 AND seq = $2", [id, last?.seq]);
      try {
        const r = await expectDifference();
        expect(r?.drawn).toBe(picked.length - 1);
      } finally {
        await db.exec(
          `INSERT INTO inspection_draw_subjects (draw_id, subject_id, seq, grade, inspector_ids)
           VALUES ($1, $2, $3, $4, $5::int[])`,
          [id, full?.subject_id, full?.seq, full?.grade, `{${String(last?.inspectors)}}`],
        );
      }
      expect(await replay()).toMatchObject({ identical: true, difference: null });
    });

    it("issue 20 N16: pool, seed, hash and result re-forged consistently still differ from the confirmation's audit row", async () => {
      const d = await drawRow(id);
      const before = await drawn(id);
      const ids = String(d?.pool_ids).split(",").map(Number);
      const grades = String(d?.pool_grades);
      // the forger drops the first member from the pool, picks a seed of their own and re-draws by the published rules
      const forgedIds = ids.slice(1);
      const forgedGrades = grades.slice(1);
      const forgedSeed = sha256("forged");
      const result = runDraw({
        seed: forgedSeed,
        ratios: d?.ratios as Record<"A" | "B" | "C" | "D", number>,
        pool: membersOf(forgedIds, forgedGrades) ?? [],
        inspectors: String(d?.inspector_ids).split(",").map(Number),
      });
      const write = async (x: { ids: string; grades: string; seed: string; rows: typeof before }) => {
        await db.exec(
          "UPDATE inspection_draws SET pool_ids = $2, pool_grades = $3, pool_hash = $4, pool_size = $5, seed = $6 WHERE id = $1",
          [id, x.ids, x.grades, sha256(`${x.ids}|${x.grades}`), x.ids.split(",").length, x.seed],
        );
        await db.exec("DELETE FROM inspection_draw_subjects WHERE draw_id = $1", [id]);
        for (const r of x.rows)
          await db.exec(
            "INSERT INTO inspection_draw_subjects (draw_id, subject_id, seq, grade, inspector_ids) VALUES ($1, $2, $3, $4, $5::int[])",
            [id, r.subject_id, r.seq, r.grade, `{${r.inspectors}}`],
          );
      };
      await write({
        ids: forgedIds.join(","),
        grades: forgedGrades,
        seed: forgedSeed,
        rows: result.drawn.map((x, i) => ({
          subject_id: x.id,
          seq: i + 1,
          grade: x.grade,
          inspectors: x.inspectors.join(","),
        })),
      });
      try {
        const r = await expectDifference();
        expect(r?.difference).toMatch(/与确认时的审计记录不符（随机种子、对象库哈希/);
      } finally {
        await write({ ids: ids.join(","), grades, seed: String(d?.seed), rows: before });
      }
      expect(await replay()).toMatchObject({ identical: true, difference: null });
    });

    it("a third inspector appended to a drawn subject's pair", async () => {
      const [first] = await drawn(id);
      const pair = String(first?.inspectors).split(",").map(Number);
      const stranger = ours.find((x) => !pair.includes(x)) as number;
      await db.exec(
        "UPDATE inspection_draw_subjects SET inspector_ids = $3::int[] WHERE draw_id = $1 AND seq = $2",
        [id, 1, `{${[...pair, stranger].join(",")}}`],
      );
      try {
        await expectDifference();
      } finally {
        await db.exec(
          "UPDATE inspection_draw_subjects SET inspector_ids = $3::int[] WHERE draw_id = $1 AND seq = $2",
          [id, 1, `{${pair.join(",")}}`],
        );
      }
      expect(await replay()).toMatchObject({ identical: true, difference: null });
    });
  });
});

describe("previews shopped for a result are counted on the published draw (issue 20 N6)", () => {
  it("five previews under titles differing by a 「．」 and a preview of a county within the pool count; another city does not", async () => {
    const people = ours.slice(0, 3);
    for (const dots of ["", "．", "．．", "．．．"])
      await previewDraw(ctx(), {
        title: `上饶市抽查${dots}`,
        pool: { regionCode: "361100" },
        inspectorIds: people,
      });
    await previewDraw(ctx(), {
      title: "上饶市信州区抽查",
      pool: { regionCode: "361102" },
      inspectorIds: people,
    });
    await previewDraw(ctx(), { title: "抚州市抽查", pool: { regionCode: "361000" }, inspectorIds: people });
    const { drawNo } = await previewAndConfirm("上饶市抽查．．．．", { regionCode: "361100" }, people);
    const published = await getPublishedDraw({ drawNo });
    expect(published?.previews).toBe(5);
  });
});

describe("a pool that changed between preview and confirm (issue 12 §3)", () => {
  it("a grade change in the pool: nothing confirmed, a new preview with a new hash and seed, which then confirms", async () => {
    const pool = { regionCode: "360400" };
    const inspectorIds = ours.slice(1, 5);
    const { id } = await previewDraw(ctx(), { title: "九江市抽查", pool, inspectorIds });
    const first = await drawRow(id);
    const member = await aMemberToDowngrade("3604");
    expect(String(first?.pool_ids).split(",").map(Number)).toContain(member);
    await seriousPenalty(member);
    expect((await storedGrade(member))?.grade).not.toBe("A");

    const before = await drawTotals();
    const out = await confirmDraw(ctx(), { id });
    expect(out).toMatchObject({
      ok: false,
      newPreviewId: expect.any(Number),
      message: expect.stringMatching(CJK),
    });
    if (out.ok) throw new Error("unreachable");
    expect(out.message).toContain("未确认");
    expect(out.newPreviewId).not.toBe(id);

    // the original stays an unconfirmed preview with nothing drawn and nothing to replay
    expect(await drawRow(id)).toMatchObject({ state: "preview", draw_no: null, drawn_at: null });
    expect(await drawnCount(id)).toBe(0);
    expect(await drawAudits("draw.confirm", id)).toBe(0);
    expect(await replayDraw({ db: db.db, which: String(id) })).toBeNull();

    // the new preview: the pool as it is now, its own hash and seed, the same title, filter and inspectors
    const live = await livePool("3604");
    const next = await drawRow(out.newPreviewId);
    expect(next).toMatchObject({
      state: "preview",
      draw_no: null,
      title: first?.title,
      pool,
      inspector_ids: inspectorIds.join(","),
      pool_ids: live.ids,
      pool_grades: live.grades,
      pool_hash: live.hash,
    });
    expect(next?.pool_hash).not.toBe(first?.pool_hash);
    expect(next?.seed).not.toBe(first?.seed);
    expect(await drawnCount(out.newPreviewId)).toBe(0);
    expect(await drawTotals()).toEqual({
      draws: before.draws + 1,
      drawnRows: before.drawnRows,
      audits: before.audits + 1,
    });

    const ok = await confirmDraw(ctx(), { id: out.newPreviewId });
    expect(ok).toEqual({ ok: true, drawNo: expect.stringMatching(/^CC\d{10}$/) });
    expect(await drawnCount(out.newPreviewId)).toBe(expectedDrawn(live.grades));
    expect(await replayDraw({ db: db.db, which: String(out.newPreviewId) })).toMatchObject({
      identical: true,
      difference: null,
    });
    // the stale preview is still not confirmed
    expect(await drawRow(id)).toMatchObject({ state: "preview" });
  });

  it("a subject added to the pool after the preview: the message gives both sizes", async () => {
    const pool = { regionCode: "360800" };
    const { id } = await previewDraw(ctx(), { title: "吉安市抽查", pool, inspectorIds: ours.slice(0, 2) });
    const size = Number((await drawRow(id))?.pool_size);
    await addSubject("360802");
    const out = await confirmDraw(ctx(), { id });
    expect(out.ok).toBe(false);
    if (out.ok) throw new Error("unreachable");
    expect(out.message).toContain(`${size} 户`);
    expect(out.message).toContain(`${size + 1} 户`);
    expect(await drawRow(id)).toMatchObject({ state: "preview", draw_no: null });
    expect(await drawnCount(id)).toBe(0);
    expect(await drawRow(out.newPreviewId)).toMatchObject({ state: "preview", pool_size: size + 1 });
  });
});

describe("a confirmation reads the pool again only when a change to it may have committed (issue 24 §1)", () => {
  const snapshotOf = async (id: number) =>
    String((await row("SELECT pool_snapshot FROM inspection_draws WHERE id = $1", [id]))?.pool_snapshot);
  const unchanged = async (id: number) => poolUnchangedSince(db.db, await snapshotOf(id));
  const aMember = async (regionLike: string) =>
    Number(String((await livePool(regionLike)).ids).split(",")[0]);
  /** a preview of one city's pool, by three of our inspectors */
  const preview = (title: string, regionCode: string) =>
    previewDraw(ctx(), { title, pool: { regionCode }, inspectorIds: ours.slice(0, 3) });

  it("a change outside the pool's columns (a name) leaves it certain; the draw confirms and replays", async () => {
    const { id } = await preview("赣州市抽查（改名）", "360700");
    expect(await unchanged(id)).toBe(true);
    await db.exec("UPDATE subjects SET name = name || '（更名）' WHERE id = $1", [await aMember("3607")]);
    expect(await unchanged(id)).toBe(true);
    const out = await confirmDraw(ctx(), { id });
    expect(out.ok).toBe(true);
    expect(await drawnCount(id)).toBe(expectedDrawn((await livePool("3607")).grades));
    expect(await replayDraw({ db: db.db, which: String(id) })).toMatchObject({ identical: true });
  });

  it("a status change in any pool is seen, and the changed pool is not confirmed", async () => {
    const { id } = await preview("宜春市抽查（注销）", "360900");
    const size = Number((await drawRow(id))?.pool_size);
    await db.exec("UPDATE subjects SET status = 'deregistered' WHERE id = $1", [await aMember("3609")]);
    expect(await unchanged(id)).toBe(false);
    const out = await confirmDraw(ctx(), { id });
    expect(out).toMatchObject({ ok: false, message: expect.stringContaining(`现在 ${size - 1} 户`) });
    expect(await drawnCount(id)).toBe(0);
  });

  it("grades rewritten to the same values raise the alarm, and the full comparison then confirms", async () => {
    const { id } = await preview("萍乡市抽查（重算）", "360300");
    await db.exec(
      "UPDATE subject_grades SET grade = grade WHERE subject_id IN (SELECT id FROM subjects WHERE region_code LIKE '3603%')",
    );
    expect(await unchanged(id)).toBe(false);
    expect(await confirmDraw(ctx(), { id })).toMatchObject({ ok: true });
    expect(await replayDraw({ db: db.db, which: String(id) })).toMatchObject({ identical: true });
  });

  it("a preview made before results were kept is not confirmed: a new preview is made, and it confirms", async () => {
    const { id } = await preview("九江市抽查（旧预览）", "360400");
    await db.exec(
      "UPDATE inspection_draws SET drawn_list = NULL, result_hash = NULL, per_grade = NULL WHERE id = $1",
      [id],
    );
    const out = await confirmDraw(ctx(), { id });
    expect(out).toMatchObject({ ok: false, message: expect.stringContaining("系统保存预览结果之前") });
    expect(await drawnCount(id)).toBe(0);
    expect((await drawRow(id))?.state).toBe("preview");
    const next = out.ok ? 0 : out.newPreviewId;
    expect(await confirmDraw(ctx(), { id: next })).toMatchObject({ ok: true });
    expect(await replayDraw({ db: db.db, which: String(next) })).toMatchObject({ identical: true });
  });

  it("a preview older than a day is compared in full: the rows it needed may have been pruned", async () => {
    const { id } = await preview("景德镇市抽查（隔日）", "360200");
    await db.exec("UPDATE subjects SET status = 'revoked' WHERE id = $1", [await aMember("3602")]);
    await db.exec("UPDATE inspection_draws SET created_at = now() - interval '2 days' WHERE id = $1", [id]);
    // another preview prunes what only the day-old one needed
    await preview("新余市抽查", "360500");
    const floor = await row("SELECT min(xid)::text AS x FROM pool_changes");
    expect(BigInt(String(floor?.x))).toBeGreaterThan(0n);
    expect(await unchanged(id)).toBe(false);
    expect(await confirmDraw(ctx(), { id })).toMatchObject({ ok: false });
  });
});

describe.runIf(process.env.TEST_ENGINE === "postgres")(
  "a pool change in progress while the preview reads it (PostgreSQL: two connections)",
  () => {
    it("commits after the preview: the confirmation sees it and makes a new preview", async () => {
      const pg = db.pg;
      if (!pg) throw new Error("needs PostgreSQL");
      const member = Number(String((await livePool("3610")).ids).split(",")[0]);
      const writer = await pg.reserve();
      try {
        await writer`BEGIN`;
        await writer`UPDATE subjects SET status = 'deregistered' WHERE id = ${member}`;
        const { id } = await previewDraw(ctx(), {
          title: "抚州市抽查（并发）",
          pool: { regionCode: "361000" },
          inspectorIds: ours.slice(0, 3),
        });
        // the preview did not see the uncommitted change
        expect(
          String((await drawRow(id))?.pool_ids)
            .split(",")
            .map(Number),
        ).toContain(member);
        await writer`COMMIT`;
        const snapshot = String(
          (await row("SELECT pool_snapshot FROM inspection_draws WHERE id = $1", [id]))?.pool_snapshot,
        );
        expect(await poolUnchangedSince(db.db, snapshot)).toBe(false);
        const out = await confirmDraw(ctx(), { id });
        expect(out.ok).toBe(false);
        if (out.ok) throw new Error("unreachable");
        expect(
          String((await drawRow(out.newPreviewId))?.pool_ids)
            .split(",")
            .map(Number),
        ).not.toContain(member);
      } finally {
        writer.release();
      }
    });
  },
);

describe("bad input is refused in Chinese and stores nothing (issue 12 Bad input)", () => {
  const refused = async (p: Promise<unknown>, code: string) => {
    await expect(p).rejects.toBeInstanceOf(AppError);
    await expect(p).rejects.toMatchObject({ code, message: expect.stringMatching(CJK) });
  };
  const ratioAudits = () => count("SELECT count(*) AS n FROM audit_log WHERE action = 'supervision.ratios'");
  const ok = { A: "3", B: "5", C: "10", D: "30" };

  it("ratios outside 0–100 %", async () => {
    const bad: Record<string, string>[] = [
      { ...ok, A: "101" },
      { ...ok, B: "-1" },
      { ...ok, C: "100.01" },
      { ...ok, D: "" },
      { ...ok, A: "abc" },
    ];
    for (const form of bad) await refused(updateInspectionRatios(ctx(), { version: 0, form }), "invalid");
    expect(await count("SELECT count(*) AS n FROM dept_inspection_ratios")).toBe(0);
    expect(await ratioAudits()).toBe(0);

    // the bounds themselves are allowed, and the next preview draws with them
    expect(
      await updateInspectionRatios(ctx(), { version: 0, form: { A: "0", B: "50%", C: "100", D: "100" } }),
    ).toEqual({
      version: 1,
    });
    expect(
      await row("SELECT ratios, version FROM dept_inspection_ratios WHERE dept_id = $1", [jxamr]),
    ).toEqual({
      ratios: { A: 0, B: 0.5, C: 1, D: 1 },
      version: 1,
    });
    expect(await ratioAudits()).toBe(1);
    // a stale form
    await refused(updateInspectionRatios(ctx(), { version: 0, form: { ...ok, A: "4" } }), "conflict");
    expect(await ratioAudits()).toBe(1);

    const { id } = await previewDraw(ctx(), {
      title: "比例检验",
      pool: { regionCode: "360200" },
      inspectorIds: ours.slice(0, 2),
    });
    expect((await drawRow(id))?.ratios).toEqual({ A: 0, B: 0.5, C: 1, D: 1 });
    // back to the defaults for the rest of the file
    await updateInspectionRatios(ctx(), { version: 1, form: ok });
  });

  it("fewer than 2 inspectors", async () => {
    const before = await drawTotals();
    const pool = { regionCode: "360100" };
    await refused(
      previewDraw(ctx(), { title: "人员不足", pool, inspectorIds: [ours[0] as number] }),
      "invalid",
    );
    await refused(
      previewDraw(ctx(), { title: "人员不足", pool, inspectorIds: [ours[0] as number, ours[0] as number] }),
      "invalid",
    );
    await refused(previewDraw(ctx(), { title: "人员不足", pool, inspectorIds: [] }), "invalid");
    expect(await drawTotals()).toEqual(before);
  });

  it("an empty pool: an industry no subject has, a county with no subjects", async () => {
    expect(await count("SELECT count(*) AS n FROM subjects WHERE industry = 'B'")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM regions WHERE code = '360321'")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM subjects WHERE region_code LIKE '360321%'")).toBe(0);
    const before = await drawTotals();
    await refused(
      previewDraw(ctx(), { title: "空库", pool: { industry: "B" }, inspectorIds: ours.slice(0, 2) }),
      "invalid",
    );
    await refused(
      previewDraw(ctx(), { title: "空库", pool: { regionCode: "360321" }, inspectorIds: ours.slice(0, 2) }),
      "invalid",
    );
    expect(await drawTotals()).toEqual(before);
  });

  it("an inspector of another department, or one no longer active", async () => {
    const before = await drawTotals();
    const pool = { regionCode: "360100" };
    await refused(
      previewDraw(ctx(), { title: "他部门人员", pool, inspectorIds: [ours[0] as number, foreign] }),
      "invalid",
    );
    await refused(
      previewDraw(ctx(), { title: "不存在的人员", pool, inspectorIds: [ours[0] as number, 999_999] }),
      "invalid",
    );
    const leaver = ours[7] as number;
    await setInspectorActive(ctx(), { id: leaver, active: false });
    try {
      await refused(
        previewDraw(ctx(), { title: "已停用人员", pool, inspectorIds: [ours[0] as number, leaver] }),
        "invalid",
      );
    } finally {
      await setInspectorActive(ctx(), { id: leaver, active: true });
    }
    // another department's inspector cannot be deactivated from here either
    await refused(setInspectorActive(ctx(), { id: foreign, active: false }), "not_found");
    expect(Number((await row("SELECT active::int AS a FROM inspectors WHERE id = $1", [foreign]))?.a)).toBe(
      1,
    );
    expect(await drawTotals()).toEqual(before);
  });

  it("another department's supervisor may not confirm our preview", async () => {
    const { id } = await previewDraw(ctx(), {
      title: "他部门确认",
      pool: { regionCode: "361100" },
      inspectorIds: ours.slice(0, 2),
    });
    await refused(confirmDraw(ctx(otherSupervisor), { id }), "not_found");
    expect(await drawRow(id)).toMatchObject({ state: "preview", draw_no: null });
    expect(await drawnCount(id)).toBe(0);
    // nor may an account of no department draw
    const noDept = { ...supervisor, departmentId: null };
    await refused(
      previewDraw(ctx(noDept), { title: "无部门", pool: {}, inspectorIds: ours.slice(0, 2) }),
      "forbidden",
    );
  });

  it("replay of an unknown id, an unknown number, or a preview returns null", async () => {
    expect(await replayDraw({ db: db.db, which: "999999" })).toBeNull();
    expect(await replayDraw({ db: db.db, which: "CC2099999999" })).toBeNull();
    expect(await replayDraw({ db: db.db, which: "not a draw" })).toBeNull();
    const preview = await row("SELECT id FROM inspection_draws WHERE state = 'preview' ORDER BY id LIMIT 1");
    expect(preview).toBeDefined();
    expect(await replayDraw({ db: db.db, which: String(preview?.id) })).toBeNull();
  });
});

describe("a city supervisor sees and acts on the subjects of their city only (issue 20 N3)", () => {
  /** 南昌市市场监管局's supervisor: region 360100 */
  const nanchang = () => ({ ...otherSupervisor, regionCode: "360100" });
  /** the names of Nanchang and its counties, as a grade row names its subject's region */
  const nanchangNames = async () =>
    new Set((await rows("SELECT name FROM regions WHERE code LIKE '3601%'")).map((r) => String(r.name)));
  const subjectIn = async (prefix: string) =>
    row(
      `SELECT s.id, s.uscc FROM subjects s JOIN subject_grades g ON g.subject_id = s.id
       WHERE s.kind = 'legal_person' AND s.region_code LIKE $1 ORDER BY s.id LIMIT 1`,
      [`${prefix}%`],
    );

  it("the grade list, its CSV batches and the distribution hold only Nanchang's subjects, whatever city is asked for", async () => {
    const asked = await getGradeList({
      actor: nanchang(),
      filter: { regionCode: "360700" },
      page: 1,
      pageSize: 500,
    });
    const own = await count(
      `SELECT count(*) AS n FROM subject_grades g JOIN subjects s ON s.id = g.subject_id
       WHERE s.kind <> 'natural_person' AND s.region_code LIKE '3601%'`,
    );
    expect(own).toBeGreaterThan(0);
    expect(asked.total).toBe(own);
    const names = await nanchangNames();
    for (const r of asked.rows) expect(names).toContain(r.regionName);
    let exported = 0;
    for await (const batch of gradeListBatches({ actor: nanchang(), filter: { regionCode: "360700" } }))
      for (const r of batch) {
        exported += 1;
        expect(names).toContain(r.regionName);
      }
    expect(exported).toBe(own);
    const d = await getGradeDistribution({ actor: nanchang() });
    expect(d.byRegion.map((r) => r.label)).toEqual(["南昌市"]);
    expect(Object.values(d.total).reduce((a, b) => a + b, 0)).toBe(
      await count(
        "SELECT count(*) AS n FROM subject_grades g JOIN subjects s ON s.id = g.subject_id WHERE s.region_code LIKE '3601%'",
      ),
    );
    // the province-level supervisor still sees every city
    expect((await getGradeDistribution({ actor: supervisor })).byRegion.length).toBeGreaterThan(1);
  });

  it("the province's grading rules are not a city supervisor's to change: refused, nothing regraded", async () => {
    const before = await row("SELECT version FROM settings WHERE key = 'grading'");
    await expect(
      updateGradingRules(ctx(nanchang()), { version: Number(before?.version ?? 0), form: { start: "90" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await row("SELECT version FROM settings WHERE key = 'grading'")).toEqual(before);
  });

  it("a Ganzhou subject's record and 约谈 are out of reach: not found, nothing written", async () => {
    const gz = await subjectIn("3607");
    const nc = await subjectIn("3601");
    expect(await getSubjectSupervision({ actor: nanchang(), uscc: String(gz?.uscc) })).toBeNull();
    expect(await getSubjectSupervision({ actor: nanchang(), uscc: String(nc?.uscc) })).not.toBeNull();
    const talks = await count("SELECT count(*) AS n FROM interviews");
    const attempt = recordInterview(ctx(nanchang()), {
      subjectId: Number(gz?.id),
      kind: "prompt",
      heldOn: today,
      matter: "越权记录约谈的尝试",
    });
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    expect(await count("SELECT count(*) AS n FROM interviews")).toBe(talks);
  });

  it("a draw over a Ganzhou pool is refused and stores nothing; a pool without a region is Nanchang's", async () => {
    const people = (
      await rows("SELECT id FROM inspectors WHERE dept_id = $1 AND active ORDER BY id LIMIT 2", [
        otherSupervisor.departmentId,
      ])
    ).map((r) => Number(r.id));
    const before = await drawTotals();
    await expect(
      previewDraw(ctx(nanchang()), {
        title: "赣州市越权抽查",
        pool: { regionCode: "360700" },
        inspectorIds: people,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await drawTotals()).toEqual(before);
    const { id } = await previewDraw(ctx(nanchang()), {
      title: "南昌市全域抽查",
      pool: {},
      inspectorIds: people,
    });
    const stored = await drawRow(id);
    const live = await livePool("3601");
    expect(stored?.pool).toEqual({ regionCode: "360100" });
    expect(stored?.pool_hash).toBe(live.hash);
    expect(Number(stored?.pool_size)).toBe(live.size);
  });
});

describe("grading rules (issue 12 §1)", () => {
  const form = (o: Record<string, string> = {}) => ({
    start: "100",
    generalPenalty: "-5",
    seriousPenalty: "-20",
    redListEntry: "5",
    breachedCommitment: "-10",
    fulfilledCommitment: "2",
    bandA: "90",
    bandB: "75",
    bandC: "60",
    ...o,
  });
  const clean = `SELECT s.id FROM subjects s
     WHERE NOT EXISTS (SELECT 1 FROM penalties p WHERE p.subject_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM list_entries e WHERE e.subject_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM commitments c WHERE c.subject_id = s.id)
     ORDER BY s.id`;
  const ruleAudits = () => count("SELECT count(*) AS n FROM audit_log WHERE action = 'grading.rules'");
  const versions = () => count("SELECT count(*) AS n FROM setting_versions WHERE key = 'grading'");

  it("a change bumps the version to r1, regrades every subject under it, is versioned and audited; a stale version is refused", async () => {
    const [plain, penalised] = (await rows(clean)).map((r) => Number(r.id));
    expect(plain).toBeDefined();
    expect(penalised).toBeDefined();
    await seriousPenalty(penalised as number);
    expect(await storedGrade(plain as number)).toMatchObject({
      grade: "A",
      score: 100,
      rule_version: "2026.1",
    });
    expect(await storedGrade(penalised as number)).toMatchObject({
      grade: "B",
      score: 80,
      rule_version: "2026.1",
    });
    const subjects = await count("SELECT count(*) AS n FROM subjects");
    expect(await ruleAudits()).toBe(0);
    expect(await versions()).toBe(0);
    const confirmedBefore = (
      await rows("SELECT id FROM inspection_draws WHERE state = 'confirmed' ORDER BY id")
    ).map((r) => Number(r.id));

    const out = await updateGradingRules(ctx(), {
      version: 0,
      form: form({ start: "95", seriousPenalty: "-30" }),
    });
    expect(out).toEqual({ ruleVersion: "r1", regraded: subjects });

    // every stored grade carries r1, computed with the new weights
    expect(await count("SELECT count(*) AS n FROM subject_grades WHERE rule_version = 'r1'")).toBe(subjects);
    expect(await count("SELECT count(*) AS n FROM subject_grades WHERE rule_version <> 'r1'")).toBe(0);
    expect(await storedGrade(plain as number)).toMatchObject({ grade: "A", score: 95, rule_version: "r1" });
    expect(await storedGrade(penalised as number)).toMatchObject({
      grade: "C",
      score: 65,
      rule_version: "r1",
    });

    expect(await row("SELECT version, value FROM settings WHERE key = 'grading'")).toMatchObject({
      version: 1,
      value: { version: "r1", start: 95, seriousPenalty: -30, bands: { A: 90, B: 75, C: 60 } },
    });
    expect(
      await row("SELECT version, value, changed_by FROM setting_versions WHERE key = 'grading'"),
    ).toMatchObject({
      version: 1,
      value: { version: "r1", start: 95, seriousPenalty: -30 },
      changed_by: supervisor.id,
    });
    expect(await ruleAudits()).toBe(1);
    const audit = await row(
      "SELECT actor_id, entity_type, entity_id, before, after FROM audit_log WHERE action = 'grading.rules'",
    );
    expect(audit).toMatchObject({
      actor_id: supervisor.id,
      entity_type: "setting",
      entity_id: "grading",
      before: { version: "2026.1", start: 100, seriousPenalty: -20 },
      after: { version: "r1", start: 95, seriousPenalty: -30, regraded: subjects },
    });

    // confirmed draws keep their snapshot: every one still replays identically
    expect(confirmedBefore.length).toBeGreaterThanOrEqual(5);
    for (const id of confirmedBefore)
      expect(await replayDraw({ db: db.db, which: String(id) })).toMatchObject({
        identical: true,
        difference: null,
      });
    // and a new draw records the rule version in force (the service dropped the cached rules: load them again)
    await coldSettings();
    const { id } = await previewDraw(ctx(), {
      title: "新规则下的抽查",
      pool: { regionCode: "360100" },
      inspectorIds: ours.slice(0, 2),
    });
    expect(await drawRow(id)).toMatchObject({ rule_version: "r1" });

    // a form read before the change is refused, and nothing is written
    const stale = updateGradingRules(ctx(), {
      version: 0,
      form: form({ start: "100", seriousPenalty: "-25" }),
    });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(CJK) });
    expect(await row("SELECT version FROM settings WHERE key = 'grading'")).toEqual({ version: 1 });
    expect(await versions()).toBe(1);
    expect(await ruleAudits()).toBe(1);
    expect(await storedGrade(penalised as number)).toMatchObject({ score: 65, rule_version: "r1" });
  });

  it("an invalid or unchanged rule set is refused at the current version, nothing written", async () => {
    const cases = [
      form({ start: "95", seriousPenalty: "-30", bandA: "99" }), // A band above the start
      form({ start: "95", seriousPenalty: "-30", bandB: "95" }), // bands not falling
      form({ start: "95", seriousPenalty: "10" }), // a penalty raising the score
      form({ start: "95", seriousPenalty: "-30", redListEntry: "x" }),
      form({ start: "95", seriousPenalty: "-30" }), // the rules in force
    ];
    for (const f of cases) {
      const p = updateGradingRules(ctx(), { version: 1, form: f });
      await expect(p).rejects.toBeInstanceOf(AppError);
      await expect(p).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(CJK) });
    }
    expect(await row("SELECT version FROM settings WHERE key = 'grading'")).toEqual({ version: 1 });
    expect(await versions()).toBe(1);
    expect(await ruleAudits()).toBe(1);
    expect(await count("SELECT count(*) AS n FROM subject_grades WHERE rule_version <> 'r1'")).toBe(0);
  });
});

describe("on PGlite, a cold settings cache inside the services' own transaction", () => {
  /** A database of its own, with a department and two of its inspectors and no subjects: nothing else is needed. */
  async function bareDatabase(): Promise<TestDatabase> {
    const d = await createTestDatabase();
    await d.exec("INSERT INTO regions (code, name, level) VALUES ('360000', '江西省', 'province')");
    await d.exec(
      `INSERT INTO departments (id, code, name, short_name, uscc, region_code, level)
       VALUES (1, 'jxamr', '江西省市场监督管理局', '省市场监管局', '11360000MB0000000X', '360000', 'province')`,
    );
    await d.exec(
      "INSERT INTO users (id, username, display_name, password_hash, department_id, region_code) VALUES (1, 'sup', '监管员', 'x', 1, '360000')",
    );
    await d.exec(
      "INSERT INTO inspectors (dept_id, name, badge_no) VALUES (1, '甲', 'T0001'), (1, '乙', 'T0002')",
    );
    return d;
  }
  /** How the call ended within `ms`: its AppError code, "done", or "hung". */
  async function within(ms: number, p: Promise<unknown>): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve("hung"), ms);
    });
    try {
      return await Promise.race([
        p.then(
          () => "done",
          (e) => (e instanceof AppError ? e.code : `error: ${(e as Error).message}`),
        ),
        hung,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
  async function onItsOwn(run: (d: TestDatabase) => Promise<unknown>): Promise<string> {
    const d = await bareDatabase();
    serveQueriesFrom(d);
    forgetPolicy();
    forgetGradingRules();
    let outcome = "hung";
    try {
      outcome = await within(5_000, run(d));
    } finally {
      // a hung call keeps its never-settling read in the cache: drop it, and serve the main database again
      forgetPolicy();
      forgetGradingRules();
      serveQueriesFrom(db);
      if (outcome !== "hung") await d.dispose();
      // a hung PGlite cannot be closed (its one connection is held by the stuck transaction): drop its files
      else if (d.dir) rmSync(dirname(d.dir), { recursive: true, force: true });
    }
    return outcome;
  }
  const bareCtx = (d: TestDatabase) => ({
    db: d.db,
    actor: testActor({ id: 1, departmentId: 1, role: "supervisor" }),
    meta,
    today,
  });

  it("previewDraw answers (here: the pool is empty) instead of hanging", async () => {
    const ids = async (d: TestDatabase) =>
      (await d.exec("SELECT id FROM inspectors ORDER BY id")).map((r) => Number(r.id));
    const outcome = await onItsOwn(async (d) =>
      previewDraw(bareCtx(d), { title: "冷缓存", pool: {}, inspectorIds: await ids(d) }),
    );
    expect(outcome).toBe("invalid");
  });

  it("updateGradingRules answers instead of hanging", async () => {
    const outcome = await onItsOwn((d) =>
      updateGradingRules(bareCtx(d), {
        version: 0,
        form: {
          start: "95",
          generalPenalty: "-5",
          seriousPenalty: "-20",
          redListEntry: "5",
          breachedCommitment: "-10",
          fulfilledCommitment: "2",
          bandA: "90",
          bandB: "75",
          bandC: "60",
        },
      }),
    );
    expect(outcome).toBe("done");
  });
});

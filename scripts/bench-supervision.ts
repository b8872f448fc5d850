import type { DbHandle } from "../db/client";
import { serveQueriesFrom, testActor } from "../db/testing/actor";
import { chinaDate } from "../lib/calendar/dates";
import { runDraw } from "../lib/supervision/draw";
import { membersOf } from "../lib/supervision/pool";
import { replayDraw } from "../server/queries/draw-replay";
import { getSubjectProfile } from "../server/queries/profile";
import { confirmDraw, loadPool, previewDraw } from "../server/services/supervision/draws";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const round = (n: number) => Math.round(n * 100) / 100;
const ms = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
};

/**
 * Issue 12 "Must reach", on the loaded data set: all grades recomputed set-based; the stored grades against the
 * pure engine (lib/grading through the profile) on a sample; one subject regraded by a record change; a draw over
 * the whole province (every market subject) previewed, confirmed and replayed through the same services as the console.
 */
export async function benchSupervision(db: DbHandle, log: (s: string) => void = console.log) {
  serveQueriesFrom(db);
  const today = chinaDate(new Date());

  // as autovacuum leaves the tables a while after a bulk load: pages all-visible, index-only scans need no heap
  await db.exec("VACUUM (ANALYZE) subjects");
  await db.exec("VACUUM (ANALYZE) subject_grades");
  const [sup] = await db.exec("SELECT id, department_id FROM users WHERE username = 'supervisor'");
  const people = await db.exec("SELECT id FROM inspectors WHERE dept_id = $1 AND active", [
    sup?.department_id,
  ]);
  const ctx = {
    db: db.db,
    actor: testActor({ id: Number(sup?.id), departmentId: Number(sup?.department_id), role: "supervisor" }),
    meta: { ip: "127.0.0.1", userAgent: "bench" },
    today,
  };
  const [pool, loadMs] = await ms(() => loadPool(db.db, {}));
  const members = membersOf(pool.ids, pool.grades) ?? [];
  const t = performance.now();
  runDraw({
    seed: "5eed".repeat(16),
    ratios: { A: 0.03, B: 0.05, C: 0.1, D: 0.3 },
    pool: members,
    inspectors: people.map((p) => Number(p.id)),
  });
  const pureMs = performance.now() - t;
  const input = {
    title: "性能测试：全省双随机抽查",
    pool: {},
    inspectorIds: people.map((p) => Number(p.id)),
  };
  const [preview, previewMs] = await ms(() => previewDraw(ctx, input));
  const [confirmed, confirmMs] = await ms(() => confirmDraw(ctx, { id: preview.id }));
  const [replay, replayMs] = await ms(() => replayDraw({ db: db.db, which: String(preview.id) }));
  log(
    `draw over ${members.length} subjects: pool read ${loadMs.toFixed(0)} ms, pure draw ${pureMs.toFixed(0)} ms; preview ${previewMs.toFixed(0)} ms, confirm ${confirmMs.toFixed(0)} ms (${confirmed.ok ? "confirmed" : "pool changed"}), replay ${replayMs.toFixed(0)} ms → ${replay?.identical ? "一致" : replay?.difference}, ${replay?.drawn} drawn`,
  );
  const [[counts], regradeMs] = await ms(() => db.exec("SELECT regrade_subjects(NULL) AS n"));
  log(`regrade all: ${Number(counts?.n)} subjects in ${(regradeMs / 1000).toFixed(1)} s`);
  // a draw right after every grade row was rewritten, before autovacuum has marked the pages all-visible again
  const [, coldPreviewMs] = await ms(() =>
    previewDraw(ctx, { ...input, title: "性能测试：全量重新评价后立即抽查" }),
  );
  log(`preview right after the full regrade (before any vacuum): ${coldPreviewMs.toFixed(0)} ms`);

  const sample = await db.exec(
    `SELECT s.id, s.uscc, s.public_id, g.grade::text AS grade, g.score FROM subjects s JOIN subject_grades g ON g.subject_id = s.id
     WHERE s.id IN (SELECT DISTINCT (1 + random() * (SELECT max(id) - 1 FROM subjects))::bigint FROM generate_series(1, 10600))
     LIMIT 10000`,
  );
  let same = 0;
  const differ: string[] = [];
  const queue = [...sample];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const code = s.uscc
          ? ({ kind: "uscc", code: String(s.uscc), canonical: true } as const)
          : ({ kind: "public_id", id: String(s.public_id) } as const);
        const p = await getSubjectProfile({ code, today });
        if (p && p.grade.grade === s.grade && p.grade.score === Number(s.score)) same++;
        else differ.push(`${s.id}: stored ${s.grade}/${s.score}, engine ${p?.grade.grade}/${p?.grade.score}`);
      }
    }),
  );
  log(
    `sample: ${same} of ${sample.length} stored grades equal the pure engine's${differ.length ? `; e.g. ${differ.slice(0, 3).join("; ")}` : ""}`,
  );

  const pens = await db.exec(
    `SELECT id, subject_id FROM penalties WHERE id IN (SELECT (1 + random() * (SELECT max(id) - 1 FROM penalties))::bigint FROM generate_series(1, 250)) LIMIT 200`,
  );
  const single: number[] = [];
  const change: number[] = [];
  for (const p of pens) {
    single.push((await ms(() => db.exec("SELECT regrade_subjects(ARRAY[$1::bigint])", [p.subject_id])))[1]);
    // a record change: the statement trigger regrades its subject before the statement returns
    change.push((await ms(() => db.exec("UPDATE penalties SET remarks = remarks WHERE id = $1", [p.id])))[1]);
  }
  log(
    `one subject: regrade_subjects p50 ${pct(single, 50).toFixed(1)} ms p95 ${pct(single, 95).toFixed(1)} ms; record update incl. regrade p50 ${pct(change, 50).toFixed(1)} ms p95 ${pct(change, 95).toFixed(1)} ms`,
  );

  serveQueriesFrom(null);
  return {
    regrade_subjects: Number(counts?.n),
    regrade_all_s: round(regradeMs / 1000),
    grade_sample: sample.length,
    grade_sample_equal: same,
    single_regrade_p50_ms: round(pct(single, 50)),
    single_regrade_p95_ms: round(pct(single, 95)),
    record_change_regrade_p95_ms: round(pct(change, 95)),
    draw_pool: members.length,
    draw_drawn: replay?.drawn ?? 0,
    draw_pool_read_ms: Math.round(loadMs),
    draw_pure_ms: Math.round(pureMs),
    draw_preview_ms: Math.round(previewMs),
    draw_confirm_ms: Math.round(confirmMs),
    draw_replay_ms: Math.round(replayMs),
    draw_replay_identical: replay?.identical ?? false,
    draw_preview_after_full_regrade_ms: Math.round(coldPreviewMs),
  };
}

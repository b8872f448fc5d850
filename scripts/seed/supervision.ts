import { createHash } from "node:crypto";
import type { DbHandle } from "../../db/client";
import { addDays, type IsoDate } from "../../lib/calendar/dates";
import { DEFAULT_POLICY } from "../../lib/policy";
import { DRAW_ALGORITHM, runDraw } from "../../lib/supervision/draw";
import { membersOf, parsePoolIds, poolHashInput, poolMembersText } from "../../lib/supervision/pool";
import { logAudit } from "../../server/audit";
import { drawConfirmation, drawnRecord } from "../../server/queries/draw-replay";
import { DEPT_ID } from "./generate";
import { GIVEN, SURNAMES } from "./names";
import { rng, seedFor } from "./random";

/**
 * Issue 12 §7: inspectors for every department, one confirmed 双随机 draw of the provincial market regulator
 * over 南昌市 with some results entered, and a few 约谈 — so the supervision pages are not empty after a demo.
 * Runs after the grades are stored: the draw's pool is what the graded subjects are.
 */
export async function seedSupervision(db: DbHandle, o: { seed: number; anchor: IsoDate }): Promise<void> {
  const r = rng(seedFor(o.seed, 12, 12));
  const name = () =>
    `${r.pick([...SURNAMES])}${r.pick([...GIVEN])}${r.chance(0.5) ? r.pick([...GIVEN]) : ""}`;
  for (const [code, deptId] of DEPT_ID) {
    const n = code === "jxamr" ? 8 : 3;
    for (let i = 1; i <= n; i++) {
      await db.exec("INSERT INTO inspectors (dept_id, name, badge_no) VALUES ($1, $2, $3)", [
        deptId,
        name(),
        `JX${String(deptId).padStart(3, "0")}${String(i).padStart(4, "0")}`,
      ]);
    }
  }
  const deptId = DEPT_ID.get("jxamr") ?? 1;
  const [sup] = await db.exec("SELECT id FROM users WHERE username = 'supervisor'");
  const people = (await db.exec("SELECT id FROM inspectors WHERE dept_id = $1 ORDER BY id", [deptId])).map(
    (p) => Number(p.id),
  );
  const [pool] = await db.exec(
    `SELECT coalesce(string_agg(s.id::text, ',' ORDER BY s.id), '') AS ids,
            coalesce(string_agg(g.grade::text, '' ORDER BY s.id), '') AS grades
     FROM subjects s JOIN subject_grades g ON g.subject_id = s.id
     WHERE s.kind NOT IN ('natural_person', 'government') AND s.status = 'active' AND s.region_code LIKE '3601%'`,
  );
  const ids = parsePoolIds(String(pool?.ids ?? ""));
  const grades = String(pool?.grades ?? "");
  const members = membersOf(ids, grades) ?? [];
  if (members.length === 0 || people.length < 2) return;
  // the demo's own seed, so the same demo always publishes the same draw
  const seed = createHash("sha256").update(`demo-draw-${o.seed}`).digest("hex");
  const ratios = DEFAULT_POLICY.inspectionRatios;
  const result = runDraw({ seed, ratios, pool: members, inspectors: people });
  const drawnAt = `${addDays(o.anchor, -20)}T02:30:00Z`;
  const [ver] = await db.exec("SELECT grade_rules()->>'version' AS v");
  const poolHash = createHash("sha256")
    .update(poolHashInput(poolMembersText(ids), grades))
    .digest("hex");
  const record = drawnRecord(result.drawn);
  const [draw] = await db.exec(
    `INSERT INTO inspection_draws (state, dept_id, title, pool, ratios, seed, algorithm, pool_size, pool_ids, pool_grades,
       pool_hash, rule_version, inspector_ids, drawn_by, created_at, drawn_at, drawn_list, result_hash, per_grade)
     VALUES ('confirmed', $1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12::int[], $13, $14, $14, $15, $16,
       $17::jsonb)
     RETURNING id`,
    [
      deptId,
      `${o.anchor.slice(0, 4)} 年南昌市市场主体信用风险分类双随机抽查`,
      JSON.stringify({ regionCode: "360100" }),
      JSON.stringify(ratios),
      seed,
      DRAW_ALGORITHM,
      members.length,
      ids.join(","),
      grades,
      poolHash,
      String(ver?.v ?? "2026.1"),
      `{${people.join(",")}}`,
      sup?.id,
      drawnAt,
      record.text,
      record.resultHash,
      JSON.stringify(result.perGrade),
    ],
  );
  const drawId = Number(draw?.id);
  const drawNo = `CC${o.anchor.slice(0, 4)}${String(drawId).padStart(6, "0")}`;
  await db.exec("UPDATE inspection_draws SET draw_no = $2 WHERE id = $1", [drawId, drawNo]);
  // the confirmation's audit row, as confirmDraw writes it: a replay holds the draw to it (issue 20 N16)
  await db.db.transaction((tx) =>
    logAudit(tx, {
      action: "draw.confirm",
      actorId: Number(sup?.id),
      actorName: "supervisor",
      entityType: "inspection_draw",
      entityId: String(drawId),
      before: { state: "preview" },
      after: { state: "confirmed", ...drawConfirmation({ drawNo, seed, poolHash }, record) },
      ip: "seed",
    }),
  );
  const results = ["qualified", "qualified", "rectify", "qualified", "case"] as const;
  for (const [i, d] of result.drawn.entries()) {
    const res = i < results.length ? results[i] : null;
    await db.exec(
      `INSERT INTO inspection_draw_subjects (draw_id, subject_id, seq, grade, inspector_ids, result, result_note, result_on, result_by)
       VALUES ($1, $2, $3, $4, $5::int[], $6, $7, $8, $9)`,
      [
        drawId,
        d.id,
        i + 1,
        d.grade,
        `{${d.inspectors.join(",")}}`,
        res,
        res === "rectify"
          ? "经营场所未公示营业执照，责令 10 日内整改。"
          : res === "case"
            ? "发现销售过期食品，已立案调查。"
            : null,
        res ? addDays(o.anchor, -10 + i) : null,
        res ? sup?.id : null,
      ],
    );
  }
  // 约谈 of the subjects graded worst, by the provincial regulator
  const worst = await db.exec(
    `SELECT g.subject_id FROM subject_grades g JOIN subjects s ON s.id = g.subject_id
     WHERE s.kind <> 'natural_person' AND g.grade IN ('C', 'D') ORDER BY g.score, g.subject_id LIMIT 3`,
  );
  const talks = [
    [
      "warning",
      "因一年内受到两次以上行政处罚、信用等级为差，依据 2020 年方案第 13 条进行警示约谈。",
      "当事人承认问题，承诺 30 日内完成整改并报送整改报告。",
      30,
    ],
    ["prompt", "信用等级下降，提示其及时履行行政处罚决定并规范经营。", "当事人表示将按期缴纳罚款。", null],
    ["prompt", "存在未履行的信用承诺，提示其按承诺期限履约。", null, null],
  ] as const;
  for (const [i, w] of worst.entries()) {
    const [kind, matter, outcome, days] = talks[i] ?? talks[1];
    const heldOn = addDays(o.anchor, -15 + i * 3);
    await db.exec(
      `INSERT INTO interviews (subject_id, dept_id, kind, held_on, matter, outcome, rectify_by, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [w.subject_id, deptId, kind, heldOn, matter, outcome, days ? addDays(heldOn, days) : null, sup?.id],
    );
  }
}

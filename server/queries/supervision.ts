import "server-only";
import { createHash } from "node:crypto";
import { type RegionScope, regionFilterInScope, supervisionScope } from "@/lib/access/scope";
import { chinaIso } from "@/lib/calendar/dates";
import type { GradingRules } from "@/lib/grading/grading";
import type { Grade } from "@/lib/policy";
import { DRAW_SPEC, type DrawResult, drawnFromText, drawnTotal } from "@/lib/supervision/draw";
import {
  type PoolFilter,
  PREVIEW_WINDOW_DAYS,
  poolHashInput,
  poolMembersText,
  poolsOverlap,
} from "@/lib/supervision/pool";
import type { CurrentUser } from "../context";
import { database } from "../db";
import { getPolicy } from "../settings";

const GRADE_KEYS: Grade[] = ["A", "B", "C", "D"];
export type Distribution = { key: string; label: string; A: number; B: number; C: number; D: number }[];

function distribution(rows: Record<string, unknown>[]): Distribution {
  const out = new Map<string, Distribution[number]>();
  for (const r of rows) {
    const key = String(r.key ?? "");
    const row = out.get(key) ?? { key, label: String(r.label ?? "未分类"), A: 0, B: 0, C: 0, D: 0 };
    row[r.grade as Grade] = Number(r.n);
    out.set(key, row);
  }
  return [...out.values()];
}

/**
 * The supervisor's region (issue 20 N3): every supervision read takes the actor and derives it here; an account
 * that supervises nothing reads nothing.
 */
function scopeOf(actor: CurrentUser): RegionScope {
  return supervisionScope(actor) ?? { prefix: "-", regionCode: "-" };
}

/** Subjects of the scope as a SQL condition on `s.region_code` ($1 is the prefix, or NULL for the province). */
const IN_SCOPE = "($1::text IS NULL OR s.region_code LIKE $1 || '%')";

/**
 * Issue 12 §1: how many subjects hold each grade, by city, by industry and by the department that has records on
 * them — of the subjects registered in the supervisor's region.
 */
export async function getGradeDistribution({ actor }: { actor: CurrentUser }) {
  const { exec } = await database();
  const p = [scopeOf(actor).prefix];
  const [byRegion, byIndustry, byDept, totals] = await Promise.all([
    exec(
      `SELECT r.code AS key, r.name AS label, g.grade, count(*) AS n
       FROM subject_grades g JOIN subjects s ON s.id = g.subject_id
       JOIN regions r ON r.level = 'city' AND left(s.region_code, 4) = left(r.code, 4)
       WHERE ${IN_SCOPE} GROUP BY r.code, r.name, r.sort_order, g.grade ORDER BY r.sort_order`,
      p,
    ),
    exec(
      `SELECT coalesce(s.industry, '') AS key, coalesce(s.industry, '未分类') AS label, g.grade, count(*) AS n
       FROM subject_grades g JOIN subjects s ON s.id = g.subject_id
       WHERE ${IN_SCOPE} GROUP BY s.industry, g.grade ORDER BY s.industry NULLS LAST`,
      p,
    ),
    exec(
      `SELECT d.id::text AS key, d.short_name AS label, g.grade, count(*) AS n
       FROM departments d
       JOIN LATERAL (SELECT subject_id FROM penalties WHERE authority_dept_id = d.id
                     UNION SELECT subject_id FROM licences WHERE authority_dept_id = d.id) x ON true
       JOIN subject_grades g ON g.subject_id = x.subject_id JOIN subjects s ON s.id = g.subject_id
       WHERE ${IN_SCOPE} GROUP BY d.id, d.short_name, g.grade ORDER BY d.id`,
      p,
    ),
    exec(
      `SELECT g.grade, count(*) AS n FROM subject_grades g JOIN subjects s ON s.id = g.subject_id
       WHERE ${IN_SCOPE} GROUP BY g.grade`,
      p,
    ),
  ]);
  const total = Object.fromEntries(GRADE_KEYS.map((g) => [g, 0])) as Record<Grade, number>;
  for (const t of totals) total[t.grade as Grade] = Number(t.n);
  return {
    byRegion: distribution(byRegion),
    byIndustry: distribution(byIndustry),
    byDept: distribution(byDept),
    total,
  };
}

export type GradeListFilter = {
  regionCode?: string;
  deptId?: number;
  grade?: Grade;
  industry?: string;
  q?: string;
};

function gradeListWhere(actor: CurrentUser, f: GradeListFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conds = ["s.kind <> 'natural_person'"];
  const scope = supervisionScope(actor);
  if (!scope) conds.push("FALSE");
  const prefix = scope ? regionFilterInScope(scope, f.regionCode) : null;
  if (prefix) {
    params.push(`${prefix}%`);
    conds.push(`s.region_code LIKE $${params.length}`);
  }
  if (f.grade) {
    params.push(f.grade);
    conds.push(`g.grade = $${params.length}`);
  }
  if (f.industry) {
    params.push(f.industry);
    conds.push(`s.industry = $${params.length}`);
  }
  if (f.q) {
    params.push(f.q);
    conds.push(`(s.uscc = upper($${params.length}) OR s.name LIKE '%' || $${params.length} || '%')`);
  }
  if (f.deptId) {
    params.push(f.deptId);
    const d = `$${params.length}`;
    conds.push(`(EXISTS (SELECT 1 FROM penalties p WHERE p.subject_id = s.id AND p.authority_dept_id = ${d})
      OR EXISTS (SELECT 1 FROM licences l WHERE l.subject_id = s.id AND l.authority_dept_id = ${d}))`);
  }
  return { where: conds.join(" AND "), params };
}

export type GradeListRow = {
  uscc: string | null;
  name: string;
  regionName: string | null;
  industry: string | null;
  grade: Grade;
  score: number;
  ruleVersion: string;
  computedAt: Date;
};

const toGradeRow = (r: Record<string, unknown>): GradeListRow => ({
  uscc: (r.uscc as string | null) ?? null,
  name: String(r.name),
  regionName: (r.region_name as string | null) ?? null,
  industry: (r.industry as string | null) ?? null,
  grade: r.grade as Grade,
  score: Number(r.score),
  ruleVersion: String(r.rule_version),
  computedAt: new Date(r.computed_at as string),
});

/** Issue 12 §6: 分级分类监管名单 of the supervisor's region, worst first (a supervisor starts with 差), then by name. */
export async function getGradeList({
  actor,
  filter,
  page,
  pageSize = 50,
}: {
  actor: CurrentUser;
  filter: GradeListFilter;
  page: number;
  pageSize?: number;
}) {
  const { exec } = await database();
  const { where, params } = gradeListWhere(actor, filter);
  const from = `FROM subject_grades g JOIN subjects s ON s.id = g.subject_id LEFT JOIN regions r ON r.code = s.region_code WHERE ${where}`;
  const [rows, [c]] = await Promise.all([
    exec(
      `SELECT s.uscc, s.name, r.name AS region_name, s.industry, g.grade, g.score, g.rule_version, g.computed_at ${from}
       ORDER BY g.grade DESC, g.score, s.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    ),
    exec(`SELECT count(*) AS n ${from}`, params),
  ]);
  return { rows: rows.map(toGradeRow), total: Number(c?.n ?? 0) };
}

/** The whole list for CSV, in batches, so a province-wide export is not held in memory at once. */
export async function* gradeListBatches({
  actor,
  filter,
}: {
  actor: CurrentUser;
  filter: GradeListFilter;
}): AsyncGenerator<GradeListRow[]> {
  const { exec } = await database();
  const { where, params } = gradeListWhere(actor, filter);
  let after = 0;
  for (;;) {
    const rows = await exec(
      `SELECT s.id, s.uscc, s.name, r.name AS region_name, s.industry, g.grade, g.score, g.rule_version, g.computed_at
       FROM subject_grades g JOIN subjects s ON s.id = g.subject_id LEFT JOIN regions r ON r.code = s.region_code
       WHERE ${where} AND s.id > $${params.length + 1} ORDER BY s.id LIMIT 5000`,
      [...params, after],
    );
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]?.id);
    yield rows.map(toGradeRow);
  }
}

/** The ratios the acting supervisor's department draws with (its own, or the province's defaults); null without one. */
export async function getDeptRatios({ actor }: { actor: Pick<CurrentUser, "departmentId"> }) {
  const deptId = actor.departmentId;
  if (deptId === null) return null;
  const { exec } = await database();
  const [row] = await exec("SELECT ratios, version FROM dept_inspection_ratios WHERE dept_id = $1", [deptId]);
  return row
    ? { ratios: row.ratios as Record<Grade, number>, version: Number(row.version), isDefault: false }
    : { ratios: (await getPolicy()).inspectionRatios, version: 0, isDefault: true };
}

export async function getGradingRulesVersion(): Promise<number> {
  const { exec } = await database();
  const [row] = await exec("SELECT version FROM settings WHERE key = 'grading'");
  return Number(row?.version ?? 0);
}

/** The acting supervisor's department's 执法检查人员; none without a department. */
export async function getInspectors({ actor }: { actor: Pick<CurrentUser, "departmentId"> }) {
  const deptId = actor.departmentId;
  if (deptId === null) return [];
  const { exec } = await database();
  const rows = await exec(
    "SELECT id, name, badge_no, active FROM inspectors WHERE dept_id = $1 ORDER BY active DESC, id",
    [deptId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    badgeNo: String(r.badge_no),
    active: r.active === true,
  }));
}

export type DrawSummary = {
  id: number;
  drawNo: string | null;
  state: "preview" | "confirmed";
  title: string;
  deptName: string;
  poolSize: number;
  drawn: number;
  drawnAt: Date | null;
  createdAt: Date;
};

/** The console's draws: the acting supervisor's department's, previews too. */
export async function getDraws({ actor }: { actor: Pick<CurrentUser, "departmentId"> }) {
  return actor.departmentId === null ? [] : listDraws({ deptId: actor.departmentId, publicOnly: false });
}

/** The public page's draws: confirmed ones of every department. */
export async function getPublishedDraws({ limit }: { limit: number }) {
  return listDraws({ publicOnly: true, limit });
}

async function listDraws(opts: { deptId?: number; publicOnly: boolean; limit?: number }) {
  const { exec } = await database();
  const params: unknown[] = [];
  const conds = [opts.publicOnly ? "d.state = 'confirmed'" : "TRUE"];
  if (opts.deptId) {
    params.push(opts.deptId);
    conds.push(`d.dept_id = $${params.length}`);
  }
  const rows = await exec(
    `SELECT d.id, d.draw_no, d.state, d.title, dp.name AS dept_name, d.pool_size, d.drawn_at, d.created_at,
            (SELECT count(*) FROM inspection_draw_subjects x WHERE x.draw_id = d.id) AS drawn
     FROM inspection_draws d JOIN departments dp ON dp.id = d.dept_id
     WHERE ${conds.join(" AND ")} ORDER BY coalesce(d.drawn_at, d.created_at) DESC, d.id DESC LIMIT ${opts.limit ?? 100}`,
    params,
  );
  return rows.map(
    (r): DrawSummary => ({
      id: Number(r.id),
      drawNo: (r.draw_no as string | null) ?? null,
      state: r.state as DrawSummary["state"],
      title: String(r.title),
      deptName: String(r.dept_name),
      poolSize: Number(r.pool_size),
      drawn: Number(r.drawn),
      drawnAt: r.drawn_at ? new Date(r.drawn_at as string) : null,
      createdAt: new Date(r.created_at as string),
    }),
  );
}

export type DrawDetail = Awaited<ReturnType<typeof loadDraw>>;

/** One draw of the acting supervisor's department, previews too, with inspectors' names and 执法证号; null otherwise. */
export async function getDraw({ actor, id }: { actor: Pick<CurrentUser, "departmentId">; id: number }) {
  const d = await loadDraw({ id }, false);
  return d && actor.departmentId !== null && d.deptId === actor.departmentId ? d : null;
}

/** A confirmed draw as the public sees it: no inspector (issue 12 §4: not the inspectors' personal data). */
export async function getPublishedDraw({ drawNo }: { drawNo: string }) {
  return loadDraw({ drawNo }, true);
}

async function loadDraw(key: { id?: number; drawNo?: string }, publicOnly: boolean) {
  const { exec } = await database();
  const [d] = await exec(
    `SELECT d.id, d.draw_no, d.state, d.title, d.dept_id, dp.name AS dept_name, d.pool, d.ratios, d.seed, d.algorithm,
            d.pool_size, d.pool_hash, d.rule_version, d.inspector_ids, d.drawn_at, d.created_at, u.display_name AS drawn_by,
            (SELECT name FROM regions WHERE code = d.pool->>'regionCode') AS region_name
     FROM inspection_draws d JOIN departments dp ON dp.id = d.dept_id JOIN users u ON u.id = d.drawn_by
     WHERE ${key.drawNo ? "d.draw_no = $1" : "d.id = $1"} ${publicOnly ? "AND d.state = 'confirmed'" : ""}`,
    [key.drawNo ?? key.id],
  );
  if (!d) return null;
  // issue 20 N6: every unused preview of the department over a pool sharing subjects with this one, whatever its
  // title, in the window before the draw — so previewing until the result pleases cannot be hidden by renaming
  const until = d.drawn_at ?? d.created_at;
  const earlier = await exec(
    `SELECT pool FROM inspection_draws WHERE dept_id = $1 AND state = 'preview' AND id <> $2
       AND created_at <= $3 AND created_at > $3::timestamptz - make_interval(days => $4)`,
    [d.dept_id, d.id, until, PREVIEW_WINDOW_DAYS],
  );
  const previews = earlier.filter((p) => poolsOverlap(p.pool as PoolFilter, d.pool as PoolFilter)).length;
  const subjects = await exec(
    `SELECT x.seq, x.grade, x.inspector_ids, x.result, x.result_note, x.result_on::text AS result_on, s.id AS subject_id, s.uscc, s.name,
            s.kind, s.public_id
     FROM inspection_draw_subjects x JOIN subjects s ON s.id = x.subject_id WHERE x.draw_id = $1 ORDER BY x.seq`,
    [d.id],
  );
  const people = publicOnly
    ? []
    : await exec("SELECT id, name, badge_no FROM inspectors WHERE id = ANY($1::int[])", [d.inspector_ids]);
  const byId = new Map(people.map((p) => [Number(p.id), `${p.name}（${p.badge_no}）`]));
  const pool = d.pool as PoolFilter;
  return {
    id: Number(d.id),
    drawNo: (d.draw_no as string | null) ?? null,
    state: d.state as "preview" | "confirmed",
    title: String(d.title),
    deptId: Number(d.dept_id),
    deptName: String(d.dept_name),
    pool,
    regionName: (d.region_name as string | null) ?? null,
    ratios: d.ratios as Record<Grade, number>,
    seed: String(d.seed),
    algorithm: String(d.algorithm),
    poolSize: Number(d.pool_size),
    poolHash: String(d.pool_hash),
    ruleVersion: String(d.rule_version),
    inspectorCount: (d.inspector_ids as number[]).length,
    inspectors: publicOnly
      ? []
      : (d.inspector_ids as number[]).map((id) => byId.get(Number(id)) ?? String(id)),
    drawnAt: d.drawn_at ? new Date(d.drawn_at as string) : null,
    createdAt: new Date(d.created_at as string),
    drawnBy: publicOnly ? null : String(d.drawn_by),
    previews,
    subjects: subjects.map((s) => ({
      seq: Number(s.seq),
      subjectId: Number(s.subject_id),
      uscc: (s.uscc as string | null) ?? null,
      name: String(s.name),
      grade: s.grade as Grade,
      inspectors: publicOnly
        ? []
        : (s.inspector_ids as number[]).map((id) => byId.get(Number(id)) ?? String(id)),
      result: (s.result as "qualified" | "rectify" | "case" | null) ?? null,
      resultNote: (s.result_note as string | null) ?? null,
      resultOn: s.result_on ? String(s.result_on).slice(0, 10) : null,
    })),
  };
}

/**
 * Issue 12 §5: the console's view of one subject — its stored grade, its 约谈 and the draws it was in; null for a
 * subject outside the supervisor's region, as for one that does not exist.
 */
export async function getSubjectSupervision({ actor, uscc }: { actor: CurrentUser; uscc: string }) {
  const { exec } = await database();
  const [s] = await exec(
    `SELECT s.id, s.uscc, s.name, s.kind, s.industry, r.name AS region_name, g.grade, g.score, g.rule_version, g.computed_at
     FROM subjects s LEFT JOIN regions r ON r.code = s.region_code LEFT JOIN subject_grades g ON g.subject_id = s.id
     WHERE s.uscc = $2 AND ${IN_SCOPE}`,
    [scopeOf(actor).prefix, uscc],
  );
  if (!s) return null;
  const [talks, draws] = await Promise.all([
    exec(
      `SELECT i.id, i.kind, i.held_on::text AS held_on, i.matter, i.outcome, i.rectify_by::text AS rectify_by, d.short_name AS dept_name
       FROM interviews i JOIN departments d ON d.id = i.dept_id WHERE i.subject_id = $1 ORDER BY i.held_on DESC, i.id DESC`,
      [s.id],
    ),
    exec(
      `SELECT d.id, d.draw_no, d.drawn_at, x.result, x.result_on FROM inspection_draw_subjects x
       JOIN inspection_draws d ON d.id = x.draw_id WHERE x.subject_id = $1 ORDER BY d.drawn_at DESC`,
      [s.id],
    ),
  ]);
  return {
    id: Number(s.id),
    uscc: String(s.uscc),
    name: String(s.name),
    industry: (s.industry as string | null) ?? null,
    regionName: (s.region_name as string | null) ?? null,
    grade: (s.grade as Grade | null) ?? null,
    score: s.score === null ? null : Number(s.score),
    ruleVersion: (s.rule_version as string | null) ?? null,
    interviews: talks.map((t) => ({
      id: Number(t.id),
      kind: t.kind as "prompt" | "warning",
      heldOn: String(t.held_on).slice(0, 10),
      matter: String(t.matter),
      outcome: (t.outcome as string | null) ?? null,
      rectifyBy: t.rectify_by ? String(t.rectify_by).slice(0, 10) : null,
      deptName: String(t.dept_name),
    })),
    draws: draws.map((d) => ({
      id: Number(d.id),
      drawNo: String(d.draw_no),
      drawnAt: new Date(d.drawn_at as string),
      result: (d.result as string | null) ?? null,
    })),
  };
}

/**
 * What a preview would draw (issue 12 §3: the seed and its result are shown before confirming): the result it
 * kept, the first 500 drawn subjects named. perGrade is null for a preview made before results were kept.
 */
export async function getPreviewResult({
  actor,
  drawId,
}: {
  actor: Pick<CurrentUser, "departmentId">;
  drawId: number;
}) {
  const { exec } = await database();
  const [d] = await exec(
    `SELECT per_grade, inspector_ids,
            (SELECT string_agg(l, E'\\n') FROM (SELECT l FROM string_to_table(drawn_list, E'\\n') AS l LIMIT 500) x) AS shown
     FROM inspection_draws WHERE id = $1 AND state = 'preview' AND dept_id = $2`,
    [drawId, actor.departmentId],
  );
  if (!d) return null;
  const perGrade = d.per_grade as DrawResult["perGrade"] | null;
  if (!perGrade) return { perGrade, total: 0, drawn: [] };
  const shown = drawnFromText(String(d.shown ?? ""));
  if (!shown) throw new Error(`draw ${drawId}: the kept preview result is not resultHashInput's text`);
  const [names, people] = await Promise.all([
    exec("SELECT id, uscc, name FROM subjects WHERE id = ANY($1::bigint[])", [shown.map((s) => s.id)]),
    exec("SELECT id, name FROM inspectors WHERE id = ANY($1::int[])", [d.inspector_ids]),
  ]);
  const byId = new Map(names.map((n) => [Number(n.id), n]));
  const who = new Map(people.map((p) => [Number(p.id), String(p.name)]));
  return {
    perGrade,
    total: drawnTotal(perGrade),
    drawn: shown.map((s) => ({
      id: s.id,
      grade: s.grade,
      name: String(byId.get(s.id)?.name ?? s.id),
      uscc: (byId.get(s.id)?.uscc as string | null) ?? null,
      inspectors: s.inspectors.map((i) => who.get(i) ?? String(i)),
    })),
  };
}

/**
 * A published draw's inputs and result, for anyone to re-run from this file alone (lib/supervision/draw DRAW_SPEC,
 * replayPublished): the pool as USCCs with their grades in the stored order, its hash over them, and the result by
 * USCC. Inspectors stay anonymous numbers (the draw needs only their order).
 */
export async function getDrawInputs({ drawNo }: { drawNo: string }) {
  const { exec } = await database();
  const [d] = await exec(
    `SELECT id, draw_no, seed, algorithm, ratios, pool_ids AS ids, pool_grades, pool_hash,
            inspector_ids, rule_version, drawn_at
     FROM inspection_draws WHERE draw_no = $1 AND state = 'confirmed'`,
    [drawNo],
  );
  if (!d) return null;
  const [drawn, members] = await Promise.all([
    exec(
      `SELECT ds.seq, s.uscc, ds.grade, ds.inspector_ids FROM inspection_draw_subjects ds
       JOIN subjects s ON s.id = ds.subject_id WHERE ds.draw_id = $1 ORDER BY ds.seq`,
      [d.id],
    ),
    // the stored order (ascending id), which the draw's positions follow
    exec(
      `SELECT coalesce(s.uscc, 'ID' || s.public_id) AS uscc
       FROM unnest(string_to_array($1, ',')::bigint[]) WITH ORDINALITY AS p (id, n)
       JOIN subjects s ON s.id = p.id ORDER BY p.n`,
      [String(d.ids ?? "")],
    ),
  ]);
  const usccs = d.ids ? members.map((m) => String(m.uscc)) : [];
  const grades = String(d.pool_grades);
  return {
    drawNo: String(d.draw_no),
    drawnAt: chinaIso(new Date(d.drawn_at as string)),
    algorithm: String(d.algorithm),
    specification: DRAW_SPEC,
    seed: String(d.seed),
    ratios: d.ratios as Record<Grade, number>,
    inspectors: (d.inspector_ids as number[]).map(Number).sort((a, b) => a - b),
    ruleVersion: String(d.rule_version),
    pool: { usccs, grades },
    publicPoolHash: createHash("sha256")
      .update(poolHashInput(poolMembersText(usccs), grades))
      .digest("hex"),
    result: drawn.map((r) => ({
      seq: Number(r.seq),
      uscc: String(r.uscc),
      grade: String(r.grade),
      inspectors: (r.inspector_ids as number[]).map(Number),
    })),
  };
}

/** Every saved grading rule set, newest first, with who saved it (issue 12 §1: versioned). */
export async function getGradingRuleHistory() {
  const { exec } = await database();
  const rows = await exec(
    `SELECT v.version, v.value, v.changed_at, u.display_name FROM setting_versions v LEFT JOIN users u ON u.id = v.changed_by
     WHERE v.key = 'grading' ORDER BY v.version DESC LIMIT 20`,
  );
  return rows.map((r) => ({
    version: String((r.value as { version?: string }).version ?? r.version),
    value: r.value as GradingRules,
    changedAt: new Date(r.changed_at as string),
    by: (r.display_name as string | null) ?? "",
  }));
}

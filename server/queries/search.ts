import "server-only";
import type { IsoDate } from "@/lib/calendar/dates";
import { gradeFromCounts } from "@/lib/grading/grading";
import type { Grade } from "@/lib/policy";
import { nameGrams } from "@/lib/subjects/grams";
import {
  NEAR_MISS_MIN_SCORE,
  NEAR_MISS_SHOWN,
  nearMissGrams,
  nearMissLookup,
  nearMissScorer,
  scanFinds,
} from "@/lib/subjects/near-miss";
import { matchesPinyin } from "@/lib/subjects/pinyin";
import { regionPrefix } from "@/lib/subjects/regions";
import { escapeLike, initialsChunks, initialsPattern, parseSearchQuery } from "@/lib/subjects/search-query";
import type { SubjectKind } from "@/lib/subjects/subject-kinds";
import { config } from "../config";
import { createPiiProtector } from "../pii";
import { publicDatabase } from "../reads";
import { getGradingRules } from "../settings";
import { publicSubjectRef } from "./labels";
import { commitmentIsPublicSql, listEntryIsPublicSql, penaltyIsPublicSql } from "./publicity";

export const PAGE_SIZE = 20;
/** Frequent fragments (有限, 公司) match most rows: collect at most this many, then order them. */
export const SEARCH_CAP = 500;

export const ID_IN_URL =
  "为保护个人信息，身份证号码不能放在网址中查询。请在查询框中输入身份证号码后点击“查询”（网页），或使用 POST /api/v1/subjects（接口）。";

export type SearchFlags = {
  red: boolean;
  seriousDishonesty: boolean;
  keyAttention: boolean;
  marketBan: boolean;
  underVerification: boolean;
};
export type SearchHit = ReturnType<typeof publicSubjectRef> & {
  regionCode: string | null;
  regionName: string | null;
  grade: Grade | null;
  flags: SearchFlags;
};
export type SearchResult =
  | { status: "empty" }
  | { status: "invalid"; message: string }
  | {
      status: "ok";
      by: "uscc" | "id_number" | "initials" | "name";
      total: number;
      capped: boolean;
      page: number;
      pageCount: number;
      hits: SearchHit[];
      /** 「您是不是要找」: near misses when nothing matched exactly, never mixed with hits (issue 25) */
      suggestions: SearchHit[];
      /** why the query itself found nothing (a code with a wrong character) */
      notice?: string;
      /** milliseconds spent finding the hits, and on the near misses (0 when none were looked for) */
      timing: { exactMs: number; fallbackMs: number };
    };

export type SearchFilters = { kind?: SubjectKind; region?: string };

type Row = {
  id: number;
  public_id: string;
  kind: SubjectKind;
  uscc: string | null;
  name: string;
  region_code: string | null;
  total: number;
};

const pii = () => createPiiProtector(config().piiKey);

/** What the capped candidate set carries, so ordering needs no second pass over the table. */
const COLS = "id, public_id, kind, uscc, name, region_code, last_activity_on";

/** The raw SQL of a search: also run directly by the benchmark to compare with the HTTP figure. */
/** Positional parameters as a query text is built: p(value) → "$n". */
function parameters() {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  return { params, p };
}

/** The search box's filters as " AND …" conditions on subjects. */
function filterSql(f: SearchFilters, p: (v: unknown) => string): string {
  const filters: string[] = [];
  if (f.kind) filters.push(`kind = ${p(f.kind)}`);
  // a city (4-digit prefix) or a county (6 digits)
  const prefix = regionPrefix(f.region);
  if (prefix) filters.push(`region_code LIKE ${p(`${prefix}%`)}`);
  return filters.map((x) => ` AND ${x}`).join("");
}

/**
 * A name that is one fragment whose grams are each held by at least this share of the names (by the planner's
 * statistics; lib's scanFinds): its matches are found by reading the table in order until LIMIT has them, with the
 * cheap LIKE as the only test. At 5 million subjects 家政 (2.5 %) took 16 ms this way, 33 ms testing the gram
 * array on each row, and 47 ms through the bigram index, which must collect all 123,353 holders before LIMIT.
 */
const SCAN_SHARE = 0.02;

export function searchSql(
  q: ReturnType<typeof parseSearchQuery>,
  f: SearchFilters,
  page: number,
  /** the query is one fragment made of frequent grams (SCAN_SHARE) */
  frequent = false,
) {
  const { params, p } = parameters();
  const and = filterSql(f, p);
  let hits: string;
  let order = "char_length(name), last_activity_on DESC NULLS LAST, id";
  switch (q.kind) {
    case "uscc":
      hits = `SELECT ${COLS} FROM subjects WHERE uscc = ${p(q.code)}${and}`;
      break;
    case "id_number":
      hits = `SELECT ${COLS} FROM subjects WHERE id_number_digest = ${p(pii().digest(q.idNumber))}${and}`;
      break;
    case "initials":
      // natural persons are found only by their full ID number (DOMAIN §2)
      hits = `SELECT ${COLS} FROM subjects WHERE initials_grams @> ${p(initialsChunks(q.initials))}::text[]
        AND name_initials LIKE ${p(initialsPattern(q.initials))} AND kind <> 'natural_person'${and} LIMIT ${SEARCH_CAP}`;
      break;
    case "name": {
      const exact = p(q.text);
      // every fragment, in the folded name the grams were taken from (森航 建设 → both). A fragment of one or two
      // characters is a gram itself, and holding it is already containing it: its LIKE would only make the
      // planner count the same condition twice, expect a frequent fragment to be rare, and read a bitmap of
      // every name that holds it (123,353 for 家政 at 5 million) before LIMIT could stop it
      const like = (f: string) => `name_folded LIKE ${p(`%${escapeLike(f)}%`)}`;
      const indexed = () =>
        `name_grams @> ${p(q.grams)}::text[]${q.fragments
          .filter((f) => Array.from(f).length > 2)
          .map((f) => ` AND ${like(f)}`)
          .join("")}`;
      const match = frequent && q.fragments[0] ? like(q.fragments[0]) : indexed();
      hits = `(SELECT ${COLS} FROM subjects WHERE name = ${exact} AND kind <> 'natural_person'${and} LIMIT 5)
        UNION
        (SELECT ${COLS} FROM subjects WHERE ${match} AND kind <> 'natural_person'${and} LIMIT ${SEARCH_CAP})`;
      order = `(name = ${exact}) DESC, ${order}`;
      break;
    }
    default:
      throw new Error("not a searchable query");
  }
  const text = `WITH hits AS MATERIALIZED (${hits})
    SELECT id, public_id, kind, uscc, name, region_code, count(*) OVER ()::int AS total
    FROM hits
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE} OFFSET ${p((page - 1) * PAGE_SIZE)}`;
  return { text, params };
}

/** A natural person's opaque id from the full ID number, matched through its keyed digest. */
export async function findPublicIdByIdNumber({ idNumber }: { idNumber: string }): Promise<string | null> {
  const db = await publicDatabase();
  const [row] = await db.exec("SELECT public_id FROM subjects WHERE id_number_digest = $1", [
    pii().digest(idNumber),
  ]);
  return row ? String(row.public_id) : null;
}

export async function searchSubjects({
  q,
  page = 1,
  filters = {},
  today,
  via = "url",
}: {
  q: string | null | undefined;
  page?: number;
  filters?: SearchFilters;
  today: IsoDate;
  /** "url" for GET requests: an ID number must not travel in a URL (DOMAIN §2) */
  via?: "url" | "body";
}): Promise<SearchResult> {
  const parsed = parseSearchQuery(q);
  if (parsed.kind === "empty") return { status: "empty" };
  const started = performance.now();
  if (parsed.kind === "invalid") {
    const near = parsed.neighbours?.length ? await codeNeighbours(parsed.neighbours, filters) : [];
    if (near.length === 0) return { status: "invalid", message: parsed.message };
    const suggestions = await decorate(near, today);
    const timing = { exactMs: 0, fallbackMs: performance.now() - started };
    return { ...answer("uscc", [], 1), suggestions, notice: parsed.message, timing };
  }
  if (parsed.kind === "id_number" && via === "url") return { status: "invalid", message: ID_IN_URL };
  const maxPage = SEARCH_CAP / PAGE_SIZE;
  const safePage = Math.min(Math.max(1, Math.floor(page) || 1), maxPage);
  const db = await publicDatabase();
  const { text, params } = searchSql(parsed, filters, safePage, await isFrequent(parsed));
  let rows = (await db.exec(text, params)) as unknown as Row[];
  // nothing by initials: the letters may be full pinyin, whole or in part (nancsenhang)
  if (rows.length === 0 && parsed.kind === "initials" && parsed.readings.length > 0)
    rows = await byFullPinyin(parsed.initials, parsed.readings, filters, safePage);
  if (rows.length === 0 && parsed.kind === "name") {
    const exactMs = performance.now() - started;
    const suggestions = await decorate(await nameNearMisses(parsed.fragments, filters), today);
    const timing = { exactMs, fallbackMs: performance.now() - started - exactMs };
    return { ...answer(parsed.kind, [], safePage), suggestions, timing };
  }
  const hits = await decorate(rows, today);
  const timing = { exactMs: performance.now() - started, fallbackMs: 0 };
  return { ...answer(parsed.kind, hits, safePage, rows[0]?.total ?? 0), suggestions: [], timing };
}

function answer(by: "uscc" | "id_number" | "initials" | "name", hits: SearchHit[], page: number, total = 0) {
  return {
    status: "ok" as const,
    by,
    total,
    capped: total >= SEARCH_CAP,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hits,
  };
}

/** Organisations whose code is one character away from a mistyped one (never a natural person). */
async function codeNeighbours(codes: string[], f: SearchFilters): Promise<Row[]> {
  const db = await publicDatabase();
  const { params, p } = parameters();
  const text = `SELECT ${COLS}, 0 AS total FROM subjects WHERE uscc = ANY(${p(codes)}::bpchar[])
    AND kind <> 'natural_person'${filterSql(f, p)} ORDER BY uscc LIMIT ${NEAR_MISS_SHOWN}`;
  return (await db.exec(text, params)) as unknown as Row[];
}

/**
 * Full or partly typed pinyin: candidates whose initials hold a reading's letters consecutively, each then read
 * by lib/subjects/pinyin, which decides; ordered and paged as a name search is.
 */
async function byFullPinyin(
  typed: string,
  readings: string[],
  f: SearchFilters,
  page: number,
): Promise<Row[]> {
  const db = await publicDatabase();
  const { params, p } = parameters();
  const filters = filterSql(f, p);
  const branches = readings.map(
    (r) => `(SELECT ${COLS} FROM subjects WHERE initials_grams @> ${p(nameGrams(r))}::text[]
      AND name_initials LIKE ${p(`%${r}%`)} AND kind <> 'natural_person'${filters} LIMIT ${SEARCH_CAP})`,
  );
  const candidates = (await db.exec(branches.join(" UNION "), params)) as unknown as (Row & {
    last_activity_on: string | null;
  })[];
  const found = candidates
    .filter((c) => matchesPinyin(c.name, typed))
    .sort(
      (a, b) =>
        Array.from(a.name).length - Array.from(b.name).length ||
        String(b.last_activity_on ?? "").localeCompare(String(a.last_activity_on ?? "")) ||
        Number(a.id) - Number(b.id),
    );
  return found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => ({ ...r, total: found.length }));
}

const GRAM_STATS_TTL_MS = 10 * 60_000;
/** Names a near-miss lookup is estimated to read at most (its rarest gram's, if that alone is more). */
const NEAR_MISS_BUDGET = 2000;
/** Names scored for one near-miss lookup at most, whatever the estimate said. */
const NEAR_MISS_CANDIDATES = 3000;
/** The statistics of the name index: how many names hold a gram, and how many names there are. */
type GramStats = { at: number; namesHolding: (gram: string) => number | undefined; rows: number };
let gramStats: GramStats | null = null;

/** Drops the cached gram statistics (after an ANALYZE that should be seen at once). */
export function forgetGramEstimates(): void {
  gramStats = null;
}

/** Whether a name query is answered by a scan that LIMIT stops (lib/subjects/near-miss scanFinds). */
async function isFrequent(q: ReturnType<typeof parseSearchQuery>): Promise<boolean> {
  if (q.kind !== "name") return false;
  const { namesHolding, rows } = await gramEstimates();
  return scanFinds(q.fragments, namesHolding, rows, SCAN_SHARE);
}

/**
 * How many names hold a gram, by the planner's own statistics of the name index (pg_stats; migration 0040 keeps
 * up to 10,000 grams), read at most every 10 minutes; undefined for a gram not listed, rarer than all listed.
 */
async function gramEstimates(): Promise<GramStats> {
  if (gramStats && Date.now() - gramStats.at < GRAM_STATS_TTL_MS) return gramStats;
  const db = await publicDatabase();
  const [row] = await db.exec(
    `SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs,
       (SELECT reltuples FROM pg_class WHERE relname = 'subjects')::float8 AS rows
     FROM pg_stats WHERE schemaname = 'public' AND tablename = 'subjects' AND attname = 'name_grams'`,
  );
  const elems = (row?.elems as string[] | null) ?? [];
  const freqs = ((row?.freqs as number[] | null) ?? []).map(Number);
  const rows = Math.max(0, Number(row?.rows ?? 0));
  const listed = new Map(elems.map((g, i) => [g, (freqs[i] ?? 0) * rows]));
  const namesHolding = (g: string) => listed.get(g);
  gramStats = { at: Date.now(), namesHolding, rows };
  return gramStats;
}

/**
 * Names that share the most two-character fragments with the query, the near misses' included
 * (lib/subjects/near-miss): looked up by its rarest fragments, scored and cut in lib.
 */
async function nameNearMisses(fragments: string[], f: SearchFilters): Promise<Row[]> {
  const folded = fragments.join("");
  const wide = nearMissGrams(folded);
  if (wide.length === 0) return [];
  const lookup = nearMissLookup(wide, (await gramEstimates()).namesHolding, NEAR_MISS_BUDGET);
  const db = await publicDatabase();
  const { params, p } = parameters();
  // the candidates' text alone is read and scored; the few shown are read in full afterwards
  const candidates = (await db.exec(
    `SELECT id, name_folded FROM subjects WHERE name_grams && ${p(lookup)}::text[]
     AND kind <> 'natural_person'${filterSql(f, p)} LIMIT ${NEAR_MISS_CANDIDATES}`,
    params,
  )) as { id: string | number; name_folded: string }[];
  const score = nearMissScorer(folded);
  const best = candidates
    .map((r) => ({ id: Number(r.id), len: r.name_folded.length, score: score(r.name_folded) }))
    .filter((x) => x.score >= NEAR_MISS_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.len - b.len || a.id - b.id)
    .slice(0, NEAR_MISS_SHOWN);
  if (best.length === 0) return [];
  const rows = (await db.exec(`SELECT ${COLS}, 0 AS total FROM subjects WHERE id = ANY($1::bigint[])`, [
    best.map((x) => x.id),
  ])) as unknown as Row[];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return best.flatMap((x) => byId.get(x.id) ?? []);
}

/**
 * Region, list flags and the grade's inputs for a page of results, in one round trip. The grade is computed
 * now by lib/grading from what is public today, so it never counts a record that has left publicity.
 */
async function decorate(rows: Row[], today: IsoDate): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const db = await publicDatabase();
  const facts = await db.exec(
    `SELECT s.id, r.name AS region_name,
       coalesce(pg.general, 0)::int AS general, coalesce(pg.serious, 0)::int AS serious, coalesce(pg.verifying, false) AS p_verifying,
       coalesce(le.red, 0)::int AS red, coalesce(le.sd, 0)::int AS sd, coalesce(le.ka, 0)::int AS ka, coalesce(le.ban, 0)::int AS ban,
       coalesce(le.verifying, false) AS e_verifying, coalesce(c.fulfilled, 0)::int AS fulfilled, coalesce(c.breached, 0)::int AS breached
     FROM unnest($1::bigint[]) AS u(id)
     JOIN subjects s ON s.id = u.id
     LEFT JOIN regions r ON r.code = s.region_code
     LEFT JOIN LATERAL (
       SELECT count(*) FILTER (WHERE p.severity = 'general' AND NOT p.under_verification) AS general,
         count(*) FILTER (WHERE p.severity = 'serious' AND NOT p.under_verification) AS serious,
         bool_or(p.under_verification) AS verifying
       FROM penalties p WHERE p.subject_id = s.id AND ${penaltyIsPublicSql("p", "$2")}) pg ON true
     LEFT JOIN LATERAL (
       SELECT count(*) FILTER (WHERE e.kind = 'red') AS red,
         -- DOMAIN §8: a negative entry under objection is flagged 核实中, not as a punishment
         count(*) FILTER (WHERE e.kind = 'serious_dishonesty' AND NOT e.under_verification) AS sd,
         count(*) FILTER (WHERE e.kind = 'key_attention' AND NOT e.under_verification) AS ka,
         count(*) FILTER (WHERE e.kind = 'market_ban' AND NOT e.under_verification) AS ban,
         bool_or(e.under_verification) AS verifying
       FROM list_entries e WHERE e.subject_id = s.id AND ${listEntryIsPublicSql("e", "$2")}) le ON true
     LEFT JOIN LATERAL (
       SELECT count(*) FILTER (WHERE c.fulfilment = 'fulfilled') AS fulfilled, count(*) FILTER (WHERE c.fulfilment = 'breached') AS breached
       FROM commitments c WHERE c.subject_id = s.id AND ${commitmentIsPublicSql("c", "$2")}) c ON true`,
    [rows.map((r) => r.id), today],
  );
  const byId = new Map(facts.map((f) => [Number(f.id), f]));
  const rules = await getGradingRules();
  return rows.map((r) => {
    // postgres.js returns bigint as a string: compare as numbers, or no PostgreSQL hit would find its facts
    const f = byId.get(Number(r.id));
    const n = (k: string) => Number(f?.[k] ?? 0);
    return {
      ...publicSubjectRef({ kind: r.kind, name: r.name, uscc: r.uscc, publicId: r.public_id }),
      regionCode: r.region_code,
      regionName: (f?.region_name as string | null) ?? null,
      grade: gradeFromCounts(
        {
          generalPenalties: n("general"),
          seriousPenalties: n("serious"),
          redEntries: n("red"),
          keyAttention: n("ka"),
          seriousDishonesty: n("sd"),
          fulfilled: n("fulfilled"),
          breached: n("breached"),
        },
        rules,
      ),
      flags: {
        red: n("red") > 0,
        seriousDishonesty: n("sd") > 0,
        keyAttention: n("ka") > 0,
        marketBan: n("ban") > 0,
        underVerification: f?.p_verifying === true || f?.e_verifying === true,
      },
    };
  });
}

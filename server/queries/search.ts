import "server-only";
import type { IsoDate } from "@/lib/calendar/dates";
import { gradeFromCounts } from "@/lib/grading/grading";
import type { Grade } from "@/lib/policy";
import { regionPrefix } from "@/lib/subjects/regions";
import { escapeLike, initialsChunks, initialsPattern, parseSearchQuery } from "@/lib/subjects/search-query";
import type { SubjectKind } from "@/lib/subjects/subject-kinds";
import { config } from "../config";
import { database } from "../db";
import { createPiiProtector } from "../pii";
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
export function searchSql(q: ReturnType<typeof parseSearchQuery>, f: SearchFilters, page: number) {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const filters: string[] = [];
  if (f.kind) filters.push(`kind = ${p(f.kind)}`);
  // a city (4-digit prefix) or a county (6 digits)
  const prefix = regionPrefix(f.region);
  if (prefix) filters.push(`region_code LIKE ${p(`${prefix}%`)}`);
  const and = filters.map((x) => ` AND ${x}`).join("");
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
      hits = `(SELECT ${COLS} FROM subjects WHERE name = ${exact} AND kind <> 'natural_person'${and} LIMIT 5)
        UNION
        (SELECT ${COLS} FROM subjects WHERE name_grams @> ${p(q.grams)}::text[] AND lower(name) LIKE ${p(`%${escapeLike(q.text.toLowerCase())}%`)}
          AND kind <> 'natural_person'${and} LIMIT ${SEARCH_CAP})`;
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
  const db = await database();
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
  if (parsed.kind === "invalid") return { status: "invalid", message: parsed.message };
  if (parsed.kind === "id_number" && via === "url") return { status: "invalid", message: ID_IN_URL };
  const maxPage = SEARCH_CAP / PAGE_SIZE;
  const safePage = Math.min(Math.max(1, Math.floor(page) || 1), maxPage);
  const db = await database();
  const { text, params } = searchSql(parsed, filters, safePage);
  const rows = (await db.exec(text, params)) as unknown as Row[];
  const total = rows[0]?.total ?? 0;
  const hits = await decorate(rows, today);
  return {
    status: "ok",
    by: parsed.kind,
    total,
    capped: total >= SEARCH_CAP,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hits,
  };
}

/**
 * Region, list flags and the grade's inputs for a page of results, in one round trip. The grade is computed
 * now by lib/grading from what is public today, so it never counts a record that has left publicity.
 */
async function decorate(rows: Row[], today: IsoDate): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const db = await database();
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

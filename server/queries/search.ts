import "server-only";
import type { IsoDate } from "@/lib/dates";
import type { Grade } from "@/lib/policy";
import { escapeLike, initialsChunks, initialsPattern, parseSearchQuery } from "@/lib/search-query";
import type { SubjectKind } from "@/lib/subject-kinds";
import { config } from "../config";
import { database } from "../db";
import { createPiiProtector } from "../pii";
import { publicSubjectRef } from "./labels";

export const PAGE_SIZE = 20;
/** Frequent fragments (有限, 公司) match most rows: collect at most this many, then order them. */
export const SEARCH_CAP = 1000;

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
  if (f.region) filters.push(`region_code LIKE ${p(`${f.region.replace(/0+$/, "").slice(0, 6)}%`)}`);
  const and = filters.map((x) => ` AND ${x}`).join("");
  let hits: string;
  let order = "char_length(s.name), s.last_activity_on DESC NULLS LAST, s.id";
  switch (q.kind) {
    case "uscc":
      hits = `SELECT id FROM subjects WHERE uscc = ${p(q.code)}${and}`;
      break;
    case "id_number":
      hits = `SELECT id FROM subjects WHERE id_number_digest = ${p(pii().digest(q.idNumber))}${and}`;
      break;
    case "initials":
      // natural persons are found only by their full ID number (DOMAIN §2)
      hits = `SELECT id FROM subjects WHERE initials_grams @> ${p(initialsChunks(q.initials))}::text[]
        AND name_initials LIKE ${p(initialsPattern(q.initials))} AND kind <> 'natural_person'${and} LIMIT ${SEARCH_CAP}`;
      break;
    case "name": {
      const exact = p(q.text);
      hits = `(SELECT id FROM subjects WHERE name = ${exact} AND kind <> 'natural_person'${and} LIMIT 5)
        UNION
        (SELECT id FROM subjects WHERE name_grams @> ${p(q.grams)}::text[] AND lower(name) LIKE ${p(`%${escapeLike(q.text.toLowerCase())}%`)}
          AND kind <> 'natural_person'${and} LIMIT ${SEARCH_CAP})`;
      order = `(s.name = ${exact}) DESC, ${order}`;
      break;
    }
    default:
      throw new Error("not a searchable query");
  }
  const text = `WITH hits AS MATERIALIZED (${hits})
    SELECT s.id, s.public_id, s.kind, s.uscc, s.name, s.region_code, count(*) OVER ()::int AS total
    FROM hits JOIN subjects s ON s.id = hits.id
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

/** Grade, region and list flags for a page of results: three small queries, not one per row. */
async function decorate(rows: Row[], today: IsoDate): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const db = await database();
  const ids = rows.map((r) => r.id);
  const [grades, entries, penalties, regions] = await Promise.all([
    db.exec("SELECT subject_id, grade FROM subject_grades WHERE subject_id = ANY($1::bigint[])", [ids]),
    db.exec(
      `SELECT subject_id, kind, under_verification FROM list_entries
       WHERE subject_id = ANY($1::bigint[]) AND status = 'published' AND valid_from <= $2 AND (valid_until IS NULL OR valid_until >= $2)`,
      [ids, today],
    ),
    db.exec(
      "SELECT DISTINCT subject_id FROM penalties WHERE subject_id = ANY($1::bigint[]) AND under_verification",
      [ids],
    ),
    db.exec("SELECT code, name FROM regions WHERE code = ANY($1::text[])", [
      [...new Set(rows.map((r) => r.region_code ?? ""))],
    ]),
  ]);
  const gradeOf = new Map(grades.map((g) => [Number(g.subject_id), g.grade as Grade]));
  const regionOf = new Map(regions.map((r) => [String(r.code), String(r.name)]));
  const verifying = new Set(penalties.map((p) => Number(p.subject_id)));
  return rows.map((r) => {
    const mine = entries.filter((e) => Number(e.subject_id) === r.id);
    const has = (k: string) => mine.some((e) => e.kind === k);
    return {
      ...publicSubjectRef({ kind: r.kind, name: r.name, uscc: r.uscc, publicId: r.public_id }),
      regionCode: r.region_code,
      regionName: r.region_code ? (regionOf.get(r.region_code) ?? null) : null,
      grade: gradeOf.get(r.id) ?? null,
      flags: {
        red: has("red"),
        seriousDishonesty: has("serious_dishonesty"),
        keyAttention: has("key_attention"),
        marketBan: has("market_ban"),
        underVerification: verifying.has(r.id) || mine.some((e) => e.under_verification === true),
      },
    };
  });
}

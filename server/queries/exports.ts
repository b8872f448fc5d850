import "server-only";
import type { IsoDate } from "@/lib/calendar/dates";
import { chinaIso } from "@/lib/calendar/dates";
import { COMMITMENT_TYPE_LABELS, FULFILMENT_LABELS } from "@/lib/records/labels";
import { listKindFromSegment } from "@/lib/records/list-kinds";
import { CHANNEL_LABELS, type ProvenanceKind } from "@/lib/records/provenance";
import { COUNTERPART_CATEGORIES } from "@/lib/records/record-input";
import { isPersonRecord, maskPersonName } from "@/lib/subjects/masking";
import { LIST_KIND_LABELS, LIST_KIND_SEGMENTS } from "@/lib/web/navigation";
import { database } from "../db";
import { provenanceOf } from "./provenance";
import {
  commitmentIsPublicSql,
  licenceIsPublicSql,
  listEntryIsPublicSql,
  penaltyIsPublicSql,
} from "./publicity";

type Row = Record<string, unknown>;
/** [json key, CSV header (the national standard's Chinese name)] */
type Column = [string, string];
/** Raw SQL with positional parameters: the app's handle, or a transaction's (the file producer). */
export type Exec = (text: string, params: unknown[]) => Promise<Row[]>;
export type Dataset = {
  key: string;
  title: string;
  columns: Column[];
  /** the next batch after `afterId`, in id order (keyset: constant cost per batch at any depth) */
  batch(afterId: number, today: IsoDate, size: number, run?: Exec): Promise<Row[]>;
};

const exec: Exec = async (text, params) => (await database()).exec(text, params);
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
type Labels = Record<string, Record<string, string>>;

/**
 * A published row: the dataset's columns in order, read from the query's snake_case names; a person (by the
 * subject's kind or the record's own category, DOMAIN §2) is masked and has no code; coded values are labelled.
 */
function present(raw: Row, columns: Column[], labels: Labels): Row {
  const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [camel(k), v]));
  const person = isPersonRecord({ counterpartCategory: r.category, subjectKind: r.subjectKind });
  const out: Row = { id: Number(r.id) };
  for (const [key] of columns) {
    const v = r[key];
    if (key === "name" && person) out[key] = maskPersonName(String(v));
    else if (key === "uscc" && person) out[key] = null;
    else out[key] = labels[key] ? labels[key][String(v)] : v;
  }
  return out;
}

/** Provenance columns (issue 25 §2): receipt, channel and the public change history, filled per batch. */
const PROVENANCE_COLUMNS: Column[] = [
  ["receivedAt", "平台接收时间"],
  ["channel", "报送渠道"],
  ["history", "变更记录"],
];

function dataset(d: {
  key: string;
  title: string;
  columns: Column[];
  labels?: Labels;
  provenance?: ProvenanceKind;
  query: (afterId: number, today: IsoDate, size: number) => [string, unknown[]];
}): Dataset {
  // the record's number first: a mirror applies deltas by it (issue 25 §3)
  const columns: Column[] = [["id", "记录编号"], ...d.columns, ...(d.provenance ? PROVENANCE_COLUMNS : [])];
  return {
    key: d.key,
    title: d.title,
    columns,
    async batch(afterId, today, size, run = exec) {
      const rows = (await run(...d.query(afterId, today, size))).map((r) =>
        present(r, d.columns, d.labels ?? {}),
      );
      if (!d.provenance) return rows;
      const p = await provenanceOf(
        d.provenance,
        rows.map((r) => Number(r.id)),
        run,
      );
      return rows.map((r) => {
        const of = p.get(Number(r.id));
        return {
          ...r,
          receivedAt: of ? chinaIso(new Date(of.receivedAt)) : null,
          channel: of ? CHANNEL_LABELS[of.channel] : null,
          history: (of?.history ?? []).map((c) => ({ ...c, at: chinaIso(new Date(c.at)) })),
        };
      });
    },
  };
}

const RECORD_LABELS: Labels = { category: COUNTERPART_CATEGORIES };

const penalties = dataset({
  key: "penalties",
  title: "行政处罚（公示期内）",
  columns: [
    ["name", "行政相对人名称"],
    ["category", "行政相对人类别"],
    ["uscc", "统一社会信用代码"],
    ["decisionNo", "行政处罚决定书文号"],
    ["violationType", "违法行为类型"],
    ["violationFacts", "违法事实"],
    ["legalBasis", "处罚依据"],
    ["penaltyTypes", "处罚类别"],
    ["penaltyContent", "处罚内容"],
    ["fineAmount", "罚款金额（万元）"],
    ["confiscatedAmount", "没收违法所得、没收非法财物的金额（万元）"],
    ["decisionDate", "处罚决定日期"],
    ["publicUntil", "公示截止期"],
    ["authority", "处罚机关"],
    ["authorityUscc", "处罚机关统一社会信用代码"],
    ["source", "数据来源单位"],
    ["sourceUscc", "数据来源单位统一社会信用代码"],
  ],
  labels: RECORD_LABELS,
  provenance: "penalty",
  query: (afterId, today, size) => [
    `SELECT p.id, p.counterpart_name AS name, p.counterpart_category AS category, s.kind AS subject_kind, s.uscc, p.decision_no, p.violation_type,
       p.violation_facts, p.legal_basis, array_to_string(p.penalty_types, '、') AS penalty_types, p.penalty_content,
       p.fine_amount::float8 AS fine_amount, p.confiscated_amount::float8 AS confiscated_amount, p.decision_date::text,
       p.public_until::text, a.name AS authority, a.uscc AS authority_uscc, d.name AS source, d.uscc AS source_uscc
     FROM penalties p JOIN subjects s ON s.id = p.subject_id JOIN departments a ON a.id = p.authority_dept_id
     JOIN departments d ON d.id = p.source_dept_id
     WHERE p.id > $1 AND ${penaltyIsPublicSql("p", "$2")}
     ORDER BY p.id LIMIT $3`,
    [afterId, today, size],
  ],
});

const licences = dataset({
  key: "licences",
  title: "行政许可",
  columns: [
    ["name", "行政相对人名称"],
    ["category", "行政相对人类别"],
    ["uscc", "统一社会信用代码"],
    ["decisionTitle", "行政许可决定文书名称"],
    ["decisionNo", "行政许可决定文书号"],
    ["licenceCategory", "许可类别"],
    ["certificateName", "许可证书名称"],
    ["licenceNo", "许可编号"],
    ["content", "许可内容"],
    ["decisionDate", "许可决定日期"],
    ["validFrom", "有效期自"],
    ["validTo", "有效期至"],
    ["authority", "许可机关"],
    ["authorityUscc", "许可机关统一社会信用代码"],
    ["source", "数据来源单位"],
    ["sourceUscc", "数据来源单位统一社会信用代码"],
  ],
  labels: RECORD_LABELS,
  provenance: "licence",
  query: (afterId, today, size) => [
    `SELECT l.id, l.counterpart_name AS name, l.counterpart_category AS category, s.kind AS subject_kind, s.uscc, l.decision_title, l.decision_no,
       l.category AS licence_category, l.certificate_name, l.licence_no, l.content, l.decision_date::text, l.valid_from::text,
       l.valid_to::text, a.name AS authority, a.uscc AS authority_uscc, d.name AS source, d.uscc AS source_uscc
     FROM licences l JOIN subjects s ON s.id = l.subject_id JOIN departments a ON a.id = l.authority_dept_id
     JOIN departments d ON d.id = l.source_dept_id
     WHERE l.id > $1 AND ${licenceIsPublicSql("l", "$2")} ORDER BY l.id LIMIT $3`,
    [afterId, today, size],
  ],
});

function listDataset(segment: string): Dataset | null {
  const kind = listKindFromSegment(segment);
  if (!kind) return null;
  return dataset({
    key: `lists-${segment}`,
    title: LIST_KIND_LABELS[kind],
    columns: [
      ["name", "主体名称"],
      ["uscc", "统一社会信用代码"],
      ["list", "名单"],
      ["dept", "认定单位"],
      ["deptUscc", "认定单位统一社会信用代码"],
      ["basis", "认定依据"],
      ["decisionNo", "认定决定文号"],
      ["decisionDate", "认定日期"],
      ["validFrom", "有效期自"],
      ["validUntil", "有效期至"],
      ["bannedField", "禁入领域"],
    ],
    provenance: "list_entry",
    query: (afterId, today, size) => [
      `SELECT e.id, s.name, s.kind AS subject_kind, s.uscc, c.name AS list, d.name AS dept, d.uscc AS dept_uscc, e.basis,
         e.decision_no, e.decision_date::text, e.valid_from::text, e.valid_until::text, e.banned_field
       FROM list_entries e JOIN subjects s ON s.id = e.subject_id JOIN credit_lists c ON c.id = e.list_id
       JOIN departments d ON d.id = e.dept_id
       WHERE e.id > $1 AND e.kind = $2 AND ${listEntryIsPublicSql("e", "$3")}
       ORDER BY e.id LIMIT $4`,
      [afterId, kind, today, size],
    ],
  });
}

const commitmentsSet = dataset({
  key: "commitments",
  title: "信用承诺",
  columns: [
    ["name", "承诺主体名称"],
    ["uscc", "统一社会信用代码"],
    ["type", "承诺类型"],
    ["title", "承诺事项"],
    ["content", "承诺内容"],
    ["signedOn", "承诺日期"],
    ["dept", "受理部门"],
    ["fulfilment", "履约状态"],
    ["breachFinding", "违诺认定"],
  ],
  labels: { type: COMMITMENT_TYPE_LABELS, fulfilment: FULFILMENT_LABELS },
  query: (afterId, today, size) => [
    `SELECT c.id, s.name, s.kind AS subject_kind, s.uscc, c.type, c.title, c.content, c.signed_on::text, d.name AS dept,
       c.fulfilment, c.breach_finding
     FROM commitments c JOIN subjects s ON s.id = c.subject_id JOIN departments d ON d.id = c.dept_id
     WHERE c.id > $1 AND ${commitmentIsPublicSql("c", "$3")} ORDER BY c.id LIMIT $2`,
    [afterId, size, today],
  ],
});

export function getDataset(key: string): Dataset | null {
  if (key === "penalties") return penalties;
  if (key === "licences") return licences;
  if (key === "commitments") return commitmentsSet;
  if (key.startsWith("lists-")) return listDataset(key.slice("lists-".length));
  return null;
}

export const DATASET_KEYS = [
  "penalties",
  "licences",
  ...Object.values(LIST_KIND_SEGMENTS).map((s) => `lists-${s}`),
  "commitments",
];

import "server-only";
import {
  type ChangeAction,
  describeChange,
  type Provenance,
  type ProvenanceKind,
  type PublicChange,
  type RecordChange,
  type RecordChannel,
} from "@/lib/records/provenance";
import { publicDatabase } from "../reads";

const RECEIPT: Record<ProvenanceKind, string> = {
  penalty: `SELECT r.id, r.created_at AS received_at, r.channel, d.name AS source, d.uscc AS source_uscc
    FROM penalties r JOIN departments d ON d.id = r.source_dept_id WHERE r.id = ANY($1::bigint[])`,
  licence: `SELECT r.id, r.created_at AS received_at, r.channel, d.name AS source, d.uscc AS source_uscc
    FROM licences r JOIN departments d ON d.id = r.source_dept_id WHERE r.id = ANY($1::bigint[])`,
  list_entry: `SELECT r.id, coalesce(r.published_at, r.created_at) AS received_at, r.channel, d.name AS source,
    d.uscc AS source_uscc FROM list_entries r JOIN departments d ON d.id = r.dept_id WHERE r.id = ANY($1::bigint[])`,
};

type Exec = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
const defaultExec: Exec = async (text, params) => (await publicDatabase()).exec(text, params);

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** The public changes of records, oldest first, by record id (what the trigger record_changed() wrote). */
export async function changesOf(
  kind: ProvenanceKind,
  ids: number[],
  run: Exec = defaultExec,
): Promise<Map<number, PublicChange[]>> {
  const out = new Map<number, PublicChange[]>();
  if (ids.length === 0) return out;
  const rows = await run(
    `SELECT record_id, at, action, channel, basis, case_no, fields FROM record_changes
     WHERE record_kind = $1 AND record_id = ANY($2::bigint[]) ORDER BY id`,
    [kind, ids],
  );
  for (const r of rows) {
    const fields = (typeof r.fields === "string" ? JSON.parse(r.fields) : r.fields) as RecordChange["fields"];
    const change = {
      at: iso(r.at),
      action: r.action as ChangeAction,
      channel: r.channel as PublicChange["channel"],
      basis: (r.basis as string | null) ?? null,
      caseNo: (r.case_no as string | null) ?? null,
      fields,
    };
    const id = Number(r.record_id);
    out.set(id, [...(out.get(id) ?? []), { ...change, text: describeChange(kind, change) }]);
  }
  return out;
}

/** Where each record came from and how it changed since (issue 25 §2), for its page, the API and the export. */
export async function provenanceOf(
  kind: ProvenanceKind,
  ids: number[],
  run: Exec = defaultExec,
): Promise<Map<number, Provenance>> {
  const out = new Map<number, Provenance>();
  if (ids.length === 0) return out;
  // one after the other: a transaction's handle runs one statement at a time
  const receipts = await run(RECEIPT[kind], [ids]);
  const changes = await changesOf(kind, ids, run);
  for (const r of receipts) {
    const id = Number(r.id);
    out.set(id, {
      source: (r.source as string | null) ?? null,
      sourceUscc: (r.source_uscc as string | null) ?? null,
      receivedAt: iso(r.received_at),
      channel: r.channel as RecordChannel,
      history: changes.get(id) ?? [],
    });
  }
  return out;
}

/** Rows of a public list, each with its provenance (the API's answer, issue 25 §2). */
export async function withProvenance<R extends { id: number }>(
  kind: ProvenanceKind,
  rows: R[],
): Promise<(R & { provenance: Provenance | null })[]> {
  const p = await provenanceOf(
    kind,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => ({ ...r, provenance: p.get(Number(r.id)) ?? null }));
}

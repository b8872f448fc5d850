import "server-only";
import type { Db } from "@/db/client";
import type { ImportMode } from "@/lib/records/import-file";
import { createInFileChecks } from "@/lib/records/import-file";
import {
  type LicenceInput,
  type PenaltyInput,
  type RecordInput,
  type RecordKind,
  recordFile,
  rowToInput,
} from "@/lib/records/record-input";
import { logAudit } from "../audit";
import type { RequestMeta } from "../context";
import { checkRow } from "./imports/run-import";
import { writeRecords } from "./records/write-records";

export const PROVIDER_MAX_ROWS = 5000;

export type ProviderResult = {
  index: number;
  status: "new" | "updated" | "unchanged" | "rejected";
  id?: number;
  errors?: { field: string; message: string }[];
};

/** Field names or the national Chinese headers: a row with any Chinese header is read as a file row. */
function toInput(headers: Record<string, string>, row: unknown): Record<string, unknown> {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return {};
  const r = row as Record<string, unknown>;
  if (!Object.keys(r).some((k) => k in headers)) return r;
  const cells = Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]),
  );
  return rowToInput(headers, cells);
}

/**
 * A department's batch from its own system (issue 5 §7): the same validation as the import, a result per row,
 * the good rows written (or none, all_or_nothing) in one transaction with one audit row.
 */
export async function receiveProviderBatch(
  db: Db,
  f: {
    kind: RecordKind;
    rows: unknown[];
    mode: ImportMode;
    key: { keyId: number; departmentId: number; label: string };
    meta: RequestMeta;
    today: string;
    thresholdWan: number;
  },
) {
  const { headers, schema } = recordFile(f.kind, f.today);
  const inFile = createInFileChecks();
  const results: ProviderResult[] = [];
  const good: { index: number; input: RecordInput }[] = [];
  f.rows.forEach((row, index) => {
    const c = checkRow(schema, headers, toInput(headers, row), inFile, index);
    if (c.input) good.push({ index, input: c.input });
    else
      results[index] = {
        index,
        status: "rejected",
        errors: c.errors.map((e) => ({
          field: e.column,
          message: e.reason.replace(/第 (\d+) 行/g, "第 $1 条"),
        })),
      };
  });
  const rejected = f.rows.length - good.length;
  const write = !(f.mode === "all_or_nothing" && rejected > 0) && good.length > 0;
  const actor = { id: 0, username: `api:${f.key.label}`.slice(0, 64) };
  await db.transaction(async (tx) => {
    if (write) {
      const outcomes = await writeRecords(tx, {
        kind: f.kind,
        inputs: good.map((g) => g.input) as PenaltyInput[] | LicenceInput[],
        departmentId: f.key.departmentId,
        actor: { id: null, username: actor.username },
        meta: f.meta,
        source: `接口报送 ${f.key.label}`,
        channel: "api",
        today: f.today,
        thresholdWan: f.thresholdWan,
      });
      outcomes.forEach((o, i) => {
        const index = good[i]?.index ?? 0;
        results[index] = { index, status: o.outcome, id: o.id };
      });
    } else {
      for (const g of good)
        results[g.index] = {
          index: g.index,
          status: "rejected",
          errors: [{ field: "*", message: "同批有错误，按“全部或全不”方式未写入" }],
        };
    }
    const n = (s: string) => results.filter((r) => r?.status === s).length;
    await logAudit(tx, {
      action: "provider.batch",
      actorName: actor.username,
      entityType: "api_key",
      entityId: String(f.key.keyId),
      after: {
        kind: f.kind,
        mode: f.mode,
        rows: f.rows.length,
        new: n("new"),
        updated: n("updated"),
        unchanged: n("unchanged"),
        rejected,
      },
      ...f.meta,
    });
  });
  const count = (s: ProviderResult["status"]) => results.filter((r) => r.status === s).length;
  return {
    summary: {
      received: f.rows.length,
      new: count("new"),
      updated: count("updated"),
      unchanged: count("unchanged"),
      rejected: count("rejected"),
    },
    results,
  };
}

import "server-only";
import type { Tx } from "@/db/client";
import type { RecordKind } from "@/db/schema";
import type { RecordChannel } from "@/lib/records/provenance";
import type { RequestMeta } from "../../context";
import { tellFollowersOfRecords } from "../notify/followers";
import { describeChanges } from "./change-context";
import { type RecordInputOf, recordValues, type UpsertOutcome, upsertRecords } from "./record-values";
import { resolveSubjects } from "./resolve-subjects";

/**
 * The one write path of records (issue 10): the console form, the import and the provider API all come here.
 * Subjects are resolved (a known USCC under another name opens a name review), each input becomes its row by
 * recordValues, and the rows are upserted by (数据来源单位, 文号). The caller audits, in the same transaction.
 */
export async function writeRecords<K extends RecordKind>(
  tx: Tx,
  f: {
    kind: K;
    inputs: RecordInputOf[K][];
    departmentId: number;
    /** the writing account; id null for a department's system writing through its API key */
    actor: { id: number | null; username: string };
    meta: RequestMeta;
    /** where the records came from, as name reviews and the audit log say it */
    source: string;
    /** how the records reached the platform: kept on each new one, and named on each change (issue 25 §2) */
    channel: RecordChannel;
    today: string;
    thresholdWan: number;
  },
): Promise<UpsertOutcome[]> {
  if (f.inputs.length === 0) return [];
  const subjectIds = await resolveSubjects(tx, f.inputs, {
    actor: { id: f.actor.id ?? 0, username: f.actor.username },
    meta: f.meta,
    source: f.source,
    today: f.today,
    departmentId: f.departmentId,
  });
  await describeChanges(tx, { channel: f.channel, basis: "数据来源单位更新" });
  const ctx = {
    deptId: f.departmentId,
    actorId: f.actor.id,
    thresholdWan: f.thresholdWan,
    channel: f.channel,
  };
  const rows = f.inputs.map((input, i) => recordValues(f.kind, input, subjectIds[i] ?? 0, ctx));
  const outcomes = await upsertRecords(tx, f.kind, rows);
  // issue 22 §4: followers learn of the new public ones by their webhooks, in this transaction
  if (f.kind === "penalty" || f.kind === "licence")
    await tellFollowersOfRecords(tx, {
      kind: f.kind,
      ids: outcomes.filter((o) => o.outcome === "new").map((o) => o.id),
      today: f.today,
    });
  return outcomes;
}

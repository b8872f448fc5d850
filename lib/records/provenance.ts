/**
 * Where a public record came from and how it changed (issue 25 §2, P19): the channel it reached the platform by,
 * and its public changes — 更正, 撤销, 修复, 移出 — each with what changed, when and on what ground. The rows
 * are written by the database itself (trigger record_changed(), migration 0034) on every update of a penalty,
 * licence or published list entry, whatever code path made it; this module names them for people.
 */

export const RECORD_CHANNELS = ["console", "import", "api"] as const;
export type RecordChannel = (typeof RECORD_CHANNELS)[number];
export const CHANNEL_LABELS: Record<RecordChannel | "system", string> = {
  console: "信用信息系统录入",
  import: "批量导入",
  api: "数据报送接口",
  system: "平台自动处理",
};

export const CHANGE_ACTIONS = ["corrected", "withdrawn", "repaired", "restored", "removed"] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const CHANGE_ACTION_LABELS: Record<ChangeAction, string> = {
  corrected: "更正",
  withdrawn: "撤销",
  repaired: "信用修复",
  restored: "恢复公示",
  removed: "移出名单",
};

export type ProvenanceKind = "penalty" | "licence" | "list_entry";

/** The public fields the trigger compares, by their column names, with the names the record pages use. */
export const TRACKED_FIELDS: Record<ProvenanceKind, Record<string, string>> = {
  penalty: {
    decision_no: "行政处罚决定书文号",
    decision_date: "处罚决定日期",
    violation_type: "违法行为类型",
    violation_facts: "违法事实",
    legal_basis: "处罚依据",
    penalty_types: "处罚类别",
    penalty_content: "处罚内容",
    fine_amount: "罚款金额（万元）",
    confiscated_amount: "没收违法所得、没收非法财物的金额（万元）",
    licence_affected: "暂扣或吊销证照名称及编号",
    effective_until: "处罚有效期",
    severity: "失信严重程度",
  },
  licence: {
    decision_no: "行政许可决定文书号",
    decision_date: "许可决定日期",
    decision_title: "行政许可决定文书名称",
    category: "许可类别",
    certificate_name: "许可证书名称",
    licence_no: "许可编号",
    content: "许可内容",
    valid_from: "有效期自",
    valid_to: "有效期至",
  },
  list_entry: {
    basis: "认定依据",
    facts: "失信行为 / 守信事实",
    banned_field: "禁入领域",
    decision_no: "认定决定文号",
    decision_date: "认定日期",
    valid_from: "有效期自",
    valid_until: "有效期至",
  },
};

/** Free text that may name a natural person: for a person's record only the field's name is kept (DOMAIN §2). */
export const PERSONAL_TEXT_FIELDS = ["violation_facts", "penalty_content", "content", "basis", "facts"];

export type FieldChange = { field: string; from?: unknown; to?: unknown };
export type RecordChange = {
  id: number;
  at: string;
  action: ChangeAction;
  channel: RecordChannel | "system";
  basis: string | null;
  caseNo: string | null;
  fields: FieldChange[];
};

/** A change as published: the row, and how a reader reads it. */
export type PublicChange = Omit<RecordChange, "id"> & { text: string };
/** A public record's provenance (P19): its source, receipt, channel and public history. */
export type Provenance = {
  /** 数据来源单位 */
  source: string | null;
  sourceUscc: string | null;
  /** when the platform received it (a list entry: when it was published) */
  receivedAt: string;
  channel: RecordChannel;
  history: PublicChange[];
};

const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "（空）";
  if (Array.isArray(v)) return v.join("、");
  return String(v);
};

/** One change as a reader sees it: 更正：罚款金额（万元）由 2 改为 1.5；违法事实已更正 */
export function describeChange(kind: ProvenanceKind, c: Pick<RecordChange, "action" | "fields">): string {
  const names = TRACKED_FIELDS[kind];
  const parts = c.fields.map((f) => {
    const name = names[f.field] ?? f.field;
    return "from" in f || "to" in f ? `${name}由 ${shown(f.from)} 改为 ${shown(f.to)}` : `${name}已更正`;
  });
  return [CHANGE_ACTION_LABELS[c.action], parts.join("；")].filter(Boolean).join("：");
}

/** The SQL text of the tracked columns, for the trigger: the one list, so the page and the database agree. */
export function trackedColumnsSql(kind: ProvenanceKind): string {
  return `ARRAY[${Object.keys(TRACKED_FIELDS[kind])
    .map((c) => `'${c}'`)
    .join(",")}]`;
}

/** The trigger function of migration 0034 (its test keeps the two equal): one row per public change. */
export function recordChangedFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION record_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb := coalesce(nullif(current_setting('credit.change', true), ''), '{}')::jsonb;
  kind text := CASE TG_TABLE_NAME WHEN 'penalties' THEN 'penalty' WHEN 'licences' THEN 'licence' ELSE 'list_entry' END;
  tracked text[] := CASE TG_TABLE_NAME
    WHEN 'penalties' THEN ${trackedColumnsSql("penalty")}
    WHEN 'licences' THEN ${trackedColumnsSql("licence")}
    ELSE ${trackedColumnsSql("list_entry")} END;
  personal text[] := ARRAY[${PERSONAL_TEXT_FIELDS.map((f) => `'${f}'`).join(",")}];
  o jsonb := to_jsonb(OLD);
  n jsonb := to_jsonb(NEW);
  person boolean;
  diff jsonb := '[]'::jsonb;
  f text;
  act text;
BEGIN
  IF TG_TABLE_NAME = 'list_entries' THEN
    -- before its publication an entry is a case between the subject and the department, not a public record
    IF o->>'status' IS DISTINCT FROM 'published' THEN RETURN NULL; END IF;
    IF n->>'status' = 'removed' THEN
      act := CASE n->>'removal_reason' WHEN 'repaired' THEN 'repaired' WHEN 'revoked' THEN 'withdrawn' ELSE 'removed' END;
    END IF;
  ELSIF n->>'status' IS DISTINCT FROM o->>'status' THEN
    act := CASE n->>'status' WHEN 'withdrawn' THEN 'withdrawn' WHEN 'repaired' THEN 'repaired' ELSE 'restored' END;
  END IF;
  person := coalesce(n->>'counterpart_category', '') = 'natural_person'
    OR EXISTS (SELECT 1 FROM subjects s WHERE s.id = (n->>'subject_id')::bigint AND s.kind = 'natural_person');
  FOREACH f IN ARRAY tracked LOOP
    IF o->f IS DISTINCT FROM n->f THEN
      diff := diff || CASE WHEN person AND f = ANY(personal) THEN jsonb_build_object('field', f)
        ELSE jsonb_build_object('field', f, 'from', o->f, 'to', n->f) END;
    END IF;
  END LOOP;
  IF act IS NULL AND jsonb_array_length(diff) = 0 THEN RETURN NULL; END IF;
  INSERT INTO record_changes (record_kind, record_id, action, channel, basis, case_no, fields)
  VALUES (kind, NEW.id, coalesce(act, 'corrected'), coalesce(ctx->>'channel', 'system'),
    ctx->>'basis', ctx->>'caseNo', diff);
  RETURN NULL;
END
$$;`;
}

import { isIsoDate } from "../calendar/dates";
import { snakeCase } from "../web/format";
import { isPenaltyDisclosable, PENALTY_TYPES, type PenaltyType } from "./disclosure";
import { penaltyPublicityWindow } from "./publicity";
import {
  ADMIN_ACT_KINDS,
  COUNTERPART_CATEGORIES,
  type CounterpartCategory,
  LICENCE_CATEGORIES,
  SEVERITY_LABELS,
  subjectKindOf,
} from "./record-input";

/** How the console form lays out each record kind: the national field order of DOMAIN §3. */
export type FieldDef = {
  name: string;
  label: string;
  type?: "text" | "date" | "textarea" | "select" | "checkboxes" | "number";
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  wide?: boolean;
};

const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const list = (o: readonly string[]) => o.map((v) => ({ value: v, label: v }));

const COUNTERPART: FieldDef[] = [
  { name: "counterpartName", label: "行政相对人名称", required: true, wide: true },
  {
    name: "counterpartCategory",
    label: "行政相对人类别",
    type: "select",
    options: opts(COUNTERPART_CATEGORIES),
    required: true,
  },
  {
    name: "uscc",
    label: "统一社会信用代码",
    hint: "法人、非法人组织和个体工商户必填，18 位，校验位会被检查",
  },
  {
    name: "idNumber",
    label: "证件号码（自然人）",
    hint: "自然人必填：居民身份证号码，只在后台可见，公开页面一律遮蔽",
  },
  { name: "legalRepresentative", label: "法定代表人" },
];

export const RECORD_FIELDS: Record<"penalty" | "licence" | "act", FieldDef[]> = {
  penalty: [
    ...COUNTERPART,
    { name: "decisionNo", label: "行政处罚决定书文号", required: true },
    { name: "violationType", label: "违法行为类型", required: true },
    { name: "violationFacts", label: "违法事实", type: "textarea", required: true, wide: true },
    { name: "legalBasis", label: "处罚依据", type: "textarea", required: true, wide: true },
    {
      name: "penaltyTypes",
      label: "处罚类别",
      type: "checkboxes",
      options: list(PENALTY_TYPES),
      required: true,
      wide: true,
    },
    { name: "penaltyContent", label: "处罚内容", type: "textarea", required: true, wide: true },
    { name: "fineAmount", label: "罚款金额（万元）", type: "number" },
    { name: "confiscatedAmount", label: "没收违法所得、没收非法财物的金额（万元）", type: "number" },
    { name: "licenceAffected", label: "暂扣或吊销证照名称及编号" },
    { name: "decisionDate", label: "处罚决定日期", type: "date", required: true },
    { name: "effectiveUntil", label: "处罚有效期", type: "date" },
    {
      name: "severity",
      label: "失信严重程度",
      type: "select",
      options: opts(SEVERITY_LABELS),
      required: true,
    },
    { name: "remarks", label: "备注", type: "textarea", wide: true },
  ],
  licence: [
    ...COUNTERPART,
    { name: "decisionNo", label: "行政许可决定文书号", required: true },
    { name: "decisionTitle", label: "行政许可决定文书名称", required: true },
    {
      name: "category",
      label: "许可类别",
      type: "select",
      options: list(LICENCE_CATEGORIES),
      required: true,
    },
    { name: "certificateName", label: "许可证书名称" },
    { name: "licenceNo", label: "许可编号" },
    { name: "content", label: "许可内容", type: "textarea", required: true, wide: true },
    { name: "decisionDate", label: "许可决定日期", type: "date", required: true },
    { name: "validFrom", label: "有效期自", type: "date", required: true },
    { name: "validTo", label: "有效期至", type: "date" },
    { name: "remarks", label: "备注", type: "textarea", wide: true },
  ],
  act: [
    ...COUNTERPART,
    { name: "kind", label: "行为类别", type: "select", options: opts(ADMIN_ACT_KINDS), required: true },
    { name: "decisionNo", label: "决定文书号", required: true },
    { name: "title", label: "决定名称", required: true },
    { name: "content", label: "决定内容", type: "textarea", required: true, wide: true },
    { name: "legalBasis", label: "依据", type: "textarea", wide: true },
    { name: "decisionDate", label: "决定日期", type: "date", required: true },
    { name: "remarks", label: "备注", type: "textarea", wide: true },
  ],
};

export const RECORD_KIND_LABEL = { penalty: "行政处罚", licence: "行政许可", act: "其他行政行为" } as const;
export const RECORD_STATUS_LABEL = { active: "有效", withdrawn: "已撤销", repaired: "已修复" } as const;

/** The form's initial values from a stored row (snake_case jsonb), as strings. */
/** A stored value as a reader sees it: a coded choice by its label (issue 10: no raw `legal_entity`). */
export function displayValue(field: FieldDef, value: string | string[] | undefined): string {
  const label = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(label).join("、");
  return value ? label(value) : "—";
}

export function formDefaults(
  kind: "penalty" | "licence" | "act",
  row: Record<string, unknown>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of RECORD_FIELDS[kind]) {
    const v = row[snakeCase(f.name)];
    if (Array.isArray(v)) out[f.name] = v.map(String);
    else if (v !== null && v !== undefined)
      // numeric(14,6) comes back as "2.000000": show "2"
      out[f.name] = f.type === "number" ? String(Number(v)) : String(v);
  }
  return out;
}

export type PenaltyPreview =
  | { state: "incomplete" }
  | { state: "not_disclosed" }
  | { state: "public"; publicUntil: string; repairableFrom: string };

/**
 * What the form shows before saving (issue 10): a penalty the disclosure rule keeps off the public site
 * (DOMAIN §3) says so instead of a 公示截止 it will never have; otherwise the window of DOMAIN §4.
 */
export function penaltyPreview(
  values: Record<string, string | string[] | undefined>,
  thresholdWan: number,
): PenaltyPreview {
  const one = (k: string) => {
    const v = values[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const many = (k: string) => {
    const v = values[k];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const types = many("penaltyTypes").filter((t): t is PenaltyType =>
    (PENALTY_TYPES as readonly string[]).includes(t),
  );
  // before a category is chosen the counterpart counts as an organisation, the common case
  const category =
    one("counterpartCategory") in COUNTERPART_CATEGORIES ? one("counterpartCategory") : "legal_entity";
  if (types.length > 0) {
    const fine = Number(one("fineAmount"));
    const disclosable = isPenaltyDisclosable(
      {
        penaltyTypes: types,
        fineAmountWan: one("fineAmount") && Number.isFinite(fine) ? fine : null,
        subjectKind: subjectKindOf(category as CounterpartCategory, one("uscc") || null),
      },
      thresholdWan,
    );
    if (!disclosable) return { state: "not_disclosed" };
  }
  const date = one("decisionDate");
  const severity = one("severity") || "general";
  if (!isIsoDate(date) || (severity !== "general" && severity !== "serious")) return { state: "incomplete" };
  const w = penaltyPublicityWindow(date, severity);
  return { state: "public", publicUntil: w.publicUntil, repairableFrom: w.repairableFrom };
}

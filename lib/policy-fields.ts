import { DEFAULT_POLICY, type Policy } from "./policy";
import { LIST_KIND_LABELS } from "./web/navigation";

/**
 * Issue 14 §4: every "(ours)" value of DOMAIN.md as a sysadmin edits it — label, unit and the range a value must
 * lie in. Composite values (validity per list kind, ratio per grade) have parts, each with the same range.
 */
export type PolicyKey = keyof Policy;
type Range = { min: number; max: number; integer: boolean };
export type PolicyField = {
  key: PolicyKey;
  label: string;
  unit: string;
  /** DOMAIN section the value comes from */
  rule: string;
  range: Range;
  /** for composite values: the part keys and their labels */
  parts?: Record<string, string>;
  /** shown ×100 with "%" (stored as a fraction) */
  percent?: boolean;
};

const int = (min: number, max: number): Range => ({ min, max, integer: true });

export const POLICY_FIELDS: PolicyField[] = [
  {
    key: "disclosureFineThresholdWan",
    label: "罚款公示门槛（组织）",
    unit: "万元",
    rule: "DOMAIN §3",
    range: { min: 0, max: 1000, integer: false },
  },
  {
    key: "statementPeriodWorkingDays",
    label: "陈述申辩期",
    unit: "个工作日",
    rule: "DOMAIN §5",
    range: int(1, 30),
  },
  {
    key: "listValidityMonths",
    label: "名单默认有效期",
    unit: "个月",
    rule: "DOMAIN §5",
    range: int(1, 120),
    parts: LIST_KIND_LABELS,
  },
  {
    key: "repairRetryMonths",
    label: "修复被拒后再次申请的间隔",
    unit: "个月",
    rule: "DOMAIN §7",
    range: int(0, 24),
  },
  {
    key: "repairAcceptWorkingDays",
    label: "信用修复受理时限",
    unit: "个工作日",
    rule: "DOMAIN §7",
    range: int(1, 20),
  },
  {
    key: "repairDecideWorkingDays",
    label: "信用修复决定时限",
    unit: "个工作日",
    rule: "DOMAIN §7",
    range: int(1, 30),
  },
  {
    key: "commitmentReviewWorkingDays",
    label: "信用承诺审核时限",
    unit: "个工作日",
    rule: "DOMAIN §6",
    range: int(1, 30),
  },
  {
    key: "selfReportVerifyWorkingDays",
    label: "自主申报核验时限",
    unit: "个工作日",
    rule: "2020 年方案 §11",
    range: int(1, 30),
  },
  {
    key: "objectionAnswerWorkingDays",
    label: "异议答复时限",
    unit: "个工作日",
    rule: "DOMAIN §8",
    range: int(1, 60),
  },
  {
    key: "tipoffAnswerWorkingDays",
    label: "失信举报答复时限",
    unit: "个工作日",
    rule: "2020 年方案 §31",
    range: int(1, 60),
  },
  {
    key: "inspectionRatios",
    label: "抽查比例",
    unit: "%",
    rule: "DOMAIN §9",
    range: { min: 0, max: 100, integer: false },
    parts: { A: "A 级", B: "B 级", C: "C 级", D: "D 级" },
    percent: true,
  },
  {
    key: "apiRateLimitPerMinute",
    label: "开放接口每客户端每分钟请求数",
    unit: "次",
    rule: "DOMAIN §12",
    range: int(10, 100_000),
  },
  {
    key: "signInAttemptsPerMinute",
    label: "每个地址每分钟登录尝试次数",
    unit: "次",
    rule: "DOMAIN §11",
    range: int(3, 1000),
  },
  {
    key: "importMaxRows",
    label: "单个导入文件行数上限",
    unit: "行",
    rule: "DOMAIN §12",
    range: int(1000, 1_000_000),
  },
  {
    key: "openDataBatchQuietMinutes",
    label: "开放数据文件在变更停止多少分钟后重新生成（0 为仅每晚生成）",
    unit: "分钟",
    rule: "DOMAIN §12",
    range: int(0, 1440),
  },
  {
    key: "openDataRetainedFiles",
    label: "开放数据文件保留版本数（增量最早可从最旧的版本开始）",
    unit: "个",
    rule: "DOMAIN §12",
    range: int(1, 365),
  },
];

export const policyField = (key: string): PolicyField | undefined => POLICY_FIELDS.find((f) => f.key === key);

function one(
  f: PolicyField,
  label: string,
  raw: string | undefined,
): { ok: true; value: number } | { ok: false; message: string } {
  const text = (raw ?? "").trim();
  const n = Number(text);
  if (text === "" || !Number.isFinite(n)) return { ok: false, message: `${label}应为数字。` };
  if (f.range.integer && !Number.isInteger(n)) return { ok: false, message: `${label}应为整数。` };
  if (n < f.range.min || n > f.range.max)
    return { ok: false, message: `${label}应在 ${f.range.min}–${f.range.max} ${f.unit}之间。` };
  return { ok: true, value: f.percent ? Math.round(n * 100) / 10_000 : n };
}

/**
 * A submitted value, from the form's text inputs (`key`, or `key.part` for composites), as it is stored; or the
 * Chinese message for the first part that is wrong.
 */
export function parsePolicyValue(
  key: string,
  form: Record<string, string | undefined>,
): { ok: true; key: PolicyKey; value: Policy[PolicyKey] } | { ok: false; message: string } {
  const f = policyField(key);
  if (!f) return { ok: false, message: "没有这项设置。" };
  if (!f.parts) {
    const r = one(f, f.label, form[key]);
    return r.ok ? { ok: true, key: f.key, value: r.value as Policy[PolicyKey] } : r;
  }
  const value: Record<string, number> = {};
  for (const [part, label] of Object.entries(f.parts)) {
    const r = one(f, `${f.label}（${label}）`, form[`${key}.${part}`]);
    if (!r.ok) return r;
    value[part] = r.value;
  }
  return { ok: true, key: f.key, value: value as Policy[PolicyKey] };
}

/** How a stored value reads on the page, in the form's own terms (percent as percent). */
export function policyInputValues(f: PolicyField, value: unknown): Record<string, string> {
  const show = (v: unknown) => String(f.percent ? Math.round(Number(v) * 10_000) / 100 : v);
  if (!f.parts) return { [f.key]: show(value) };
  const obj = (value ?? DEFAULT_POLICY[f.key]) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(f.parts).map((p) => [`${f.key}.${p}`, show(obj[p])]));
}

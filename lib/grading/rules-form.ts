import { DEFAULT_GRADING, type GradingRules } from "./grading";

/**
 * Issue 12 §1: the rule set a supervisor edits — each weight with its label and allowed range, and the bands,
 * which must fall as the grade worsens. Penalties and breaches only lower a score, rewards only raise it.
 */
type WeightKey = Exclude<keyof GradingRules, "version" | "bands">;
export const RULE_FIELDS: { key: WeightKey; label: string; min: number; max: number }[] = [
  { key: "start", label: "起始分", min: 1, max: 1000 },
  { key: "generalPenalty", label: "每项一般行政处罚", min: -100, max: 0 },
  { key: "seriousPenalty", label: "每项严重行政处罚", min: -100, max: 0 },
  { key: "redListEntry", label: "每项红名单", min: 0, max: 100 },
  { key: "breachedCommitment", label: "每项违诺", min: -100, max: 0 },
  { key: "fulfilledCommitment", label: "每项已履约承诺", min: 0, max: 100 },
];
export const BAND_FIELDS = [
  { key: "bandA", grade: "A", label: "A 级（优）最低分" },
  { key: "bandB", grade: "B", label: "B 级（良）最低分" },
  { key: "bandC", grade: "C", label: "C 级（中）最低分" },
] as const;

/** The rule version a stored grade keeps: the defaults are "2026.1", each saved change "r" and its number. */
export const ruleVersionOf = (settingVersion: number) =>
  settingVersion === 0 ? DEFAULT_GRADING.version : `r${settingVersion}`;

export type RulesFormResult =
  | { ok: true; rules: GradingRules }
  | { ok: false; field: string; message: string };

export function parseRulesForm(form: Record<string, string | undefined>, version: string): RulesFormResult {
  const out: Record<string, number> = {};
  for (const f of [...RULE_FIELDS, ...BAND_FIELDS.map((b) => ({ ...b, min: 0, max: 1000 }))]) {
    const raw = (form[f.key] ?? "").trim();
    if (!/^[-−]?\d+$/.test(raw)) return { ok: false, field: f.key, message: `「${f.label}」应为整数。` };
    const n = Number(raw.replace("−", "-"));
    if (n < f.min || n > f.max)
      return { ok: false, field: f.key, message: `「${f.label}」应在 ${f.min} 到 ${f.max} 之间。` };
    out[f.key] = n;
  }
  const { bandA = 0, bandB = 0, bandC = 0, start = 0 } = out;
  if (!(bandA > bandB && bandB > bandC))
    return { ok: false, field: "bandB", message: "等级分数线应满足 A > B > C。" };
  if (bandA > start)
    return { ok: false, field: "bandA", message: "A 级最低分不能高于起始分，否则没有主体能评为 A。" };
  const weights = Object.fromEntries(RULE_FIELDS.map((f) => [f.key, out[f.key] ?? 0])) as Record<
    WeightKey,
    number
  >;
  return { ok: true, rules: { ...weights, version, bands: { A: bandA, B: bandB, C: bandC } } };
}

/**
 * 联合奖惩 (2014 plan; 2020 plan §20–21): before a matter is granted, the department checks the subject's lists
 * and applies the measures the national catalogue (措施清单) sets for that list and that matter, then reports
 * what it applied (成效统计与反馈).
 */
export const MATTERS = {
  admin_licence: "行政许可",
  fiscal_funds: "财政资金",
  procurement: "政府采购",
  bidding: "招标投标",
  awards: "评优评先",
  land: "国有土地出让",
  financing: "融资授信",
  civil_service: "公职人员录用",
} as const;
export type Matter = keyof typeof MATTERS;
export const MATTER_KEYS = Object.keys(MATTERS) as [Matter, ...Matter[]];

export const EFFECTS = { reward: "激励", punishment: "惩戒" } as const;
export type Effect = keyof typeof EFFECTS;

/** The list kinds a measure may attach to, and the effect each carries (a red list rewards, the others punish). */
export const MEASURE_LIST_EFFECT = {
  red: "reward",
  serious_dishonesty: "punishment",
  key_attention: "punishment",
  market_ban: "punishment",
} as const satisfies Record<string, Effect>;
export type MeasureListKind = keyof typeof MEASURE_LIST_EFFECT;

export type MeasureRow = { id: number; listKind: MeasureListKind; matter: Matter; active: boolean };
/** A list entry binding today (published, validity not ended), with whether an objection to it is 核实中. */
export type BindingEntry = { id: number; kind: MeasureListKind; underVerification: boolean };
export type Hit = { measureId: number; entryId: number; listKind: MeasureListKind };

/**
 * The measures that apply to a subject for a matter: every active measure of that matter whose list the subject
 * is on. An entry whose objection is 核实中 counts against nothing (DOMAIN §8), so it yields no measure.
 */
export function measuresFor(
  matter: Matter,
  entries: readonly BindingEntry[],
  catalogue: readonly MeasureRow[],
): Hit[] {
  const hits: Hit[] = [];
  for (const e of entries) {
    if (e.underVerification) continue;
    for (const m of catalogue)
      if (m.active && m.matter === matter && m.listKind === e.kind)
        hits.push({ measureId: m.id, entryId: e.id, listKind: e.kind });
  }
  return hits;
}

/**
 * Whether a department may report what it applied after a check: only the department that checked, once, and
 * only measures the check returned (an empty list says none was applied, with a reason).
 */
export function feedbackProblem(
  check: { deptId: number; hits: readonly Hit[]; feedbackAt: Date | null },
  by: { deptId: number },
  applied: readonly number[],
  note: string,
): string | null {
  if (check.deptId !== by.deptId) return "该核查不是本部门发起的，不能反馈。";
  if (check.feedbackAt) return "该核查已反馈，不能重复反馈；如需更正请联系信用主管部门。";
  const offered = new Set(check.hits.map((h) => h.measureId));
  const stray = applied.find((id) => !offered.has(id));
  if (stray !== undefined) return `措施 ${stray} 不在本次核查返回的措施中。`;
  if (applied.length < offered.size && note.trim().length < 4) return "有返回的措施未执行，请说明理由。";
  return null;
}

/** 成效反馈 is due within this many working days of the check (issue 23 §1). */
export const FEEDBACK_WORKING_DAYS = 10;
